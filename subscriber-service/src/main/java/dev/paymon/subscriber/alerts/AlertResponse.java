package dev.paymon.subscriber.alerts;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Instant;
import java.util.List;

/** An alert as {@code /api/v1/alerts} answers it; times as ISO-8601 UTC. */
record AlertResponse(
        String alertId,
        String accountId,
        FraudRule rule,
        Severity severity,
        List<String> paymentIds,
        Instant detectedAt,
        AlertStatus status) {

    static AlertResponse of(StoredAlert alert) {
        return new AlertResponse(alert.alertId(), alert.accountId(), alert.rule(), alert.severity(),
                alert.paymentIds(), alert.detectedAt(), alert.status());
    }
}
