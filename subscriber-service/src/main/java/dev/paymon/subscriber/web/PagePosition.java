package dev.paymon.subscriber.web;

import java.time.Instant;

/**
 * A position in a list that runs newest first by an instant, then by id descending (an account's payments
 * by {@code occurredAt}, alerts by {@code detectedAt}): a page "before" it holds the items after it in
 * that order.
 *
 * @param id the item at the position (a page cursor); {@code null} for an instant alone, before which
 *           every item of that instant or later is excluded
 */
public record PagePosition(Instant at, String id) {

    /** The position of an item: the next page starts right after it. */
    public static PagePosition after(Instant at, String id) {
        return new PagePosition(at, id);
    }

    /** Everything before an instant. */
    public static PagePosition before(Instant instant) {
        return new PagePosition(instant, null);
    }
}
