package dev.paymon.processor.rules;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code VELOCITY}, severity MEDIUM (a burst is suspicious, but often a script or a retrying shop):
 * more than {@code maxPayments} payments of one account inside one tumbling event-time window. Raised
 * by the payment that goes one over the limit, as soon as it arrives, and only by that one, so once
 * per window; the alert lists the first {@code maxPayments + 1} payments of the window.
 */
public final class VelocityRule {

    private final int maxPayments;

    public VelocityRule(int maxPayments) {
        this.maxPayments = maxPayments;
    }

    /** How many payment ids of a window the caller must keep: the ones an alert lists. */
    public int idsToKeep() {
        return maxPayments + 1;
    }

    /**
     * @param count      payments of the account in the window, including the one just added
     * @param paymentIds the first {@link #idsToKeep()} payment ids of the window, in arrival order
     */
    public Optional<Finding> check(String accountId, Instant windowStart, long count, List<String> paymentIds) {
        if (count != maxPayments + 1L) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FraudRule.VELOCITY, Severity.MEDIUM, accountId, windowStart.toString(),
                paymentIds.subList(0, idsToKeep())));
    }
}
