package dev.paymon.subscriber.stream;

import java.util.Set;

/**
 * Which events a client asked for.
 *
 * @param accountId the one account to follow; {@code null} for all
 * @param names     the event names to follow; empty for all
 */
record StreamFilter(String accountId, Set<String> names) {

    static final StreamFilter ALL = new StreamFilter(null, Set.of());

    StreamFilter {
        names = Set.copyOf(names);
    }

    boolean matches(StreamEvent event) {
        return (accountId == null || accountId.equals(event.accountId()))
                && (names.isEmpty() || names.contains(event.name()));
    }
}
