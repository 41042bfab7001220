package dev.paymon.events;

import java.time.Instant;
import java.util.List;

/**
 * A fraud rule fired, keyed by {@code accountId} on {@code fraud.alerts.v1}, one record per alert.
 * {@code alertId} is deterministic (derived from the rule and the payments involved), so a replay
 * cannot create a second alert.
 */
public record AlertRaised(
        String alertId,
        String accountId,
        FraudRule rule,
        Severity severity,
        List<String> paymentIds,
        Instant detectedAt) implements Event {

    public AlertRaised {
        paymentIds = paymentIds == null ? List.of() : List.copyOf(paymentIds);
        List<String> payments = paymentIds;
        Violations.check(v -> {
            v.id("alertId", alertId)
                    .id("accountId", accountId)
                    .notNull("rule", rule)
                    .notNull("severity", severity)
                    .notNull("detectedAt", detectedAt);
            if (payments.isEmpty()) {
                v.add("paymentIds", "must not be empty");
            }
        });
    }

    @Override
    public String eventId() {
        return alertId;
    }

    @Override
    public Instant eventTime() {
        return detectedAt;
    }
}
