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
        List<String> payments = paymentIds == null ? List.of() : paymentIds;
        Violations.check(v -> {
            v.id("alertId", alertId)
                    .id("accountId", accountId)
                    .notNull("rule", rule)
                    .notNull("severity", severity)
                    .notNull("detectedAt", detectedAt);
            if (payments.isEmpty()) {
                v.add("paymentIds", "must not be empty");
            }
            for (int i = 0; i < payments.size(); i++) {
                v.id("paymentIds[" + i + "]", payments.get(i));
            }
        });
        paymentIds = List.copyOf(payments);
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
