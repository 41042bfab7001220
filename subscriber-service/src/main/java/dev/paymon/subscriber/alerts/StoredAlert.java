package dev.paymon.subscriber.alerts;

import dev.paymon.events.AlertRaised;
import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A fraud alert as the subscriber keeps it, with its review status. Times are in microseconds, the
 * precision PostgreSQL keeps, so a stored alert reads back equal.
 *
 * @param acknowledgedAt when it was first acknowledged; {@code null} while it is open
 */
record StoredAlert(
        String alertId,
        String accountId,
        FraudRule rule,
        Severity severity,
        List<String> paymentIds,
        Instant detectedAt,
        AlertStatus status,
        Instant acknowledgedAt) {

    StoredAlert {
        paymentIds = List.copyOf(paymentIds);
        detectedAt = detectedAt.truncatedTo(ChronoUnit.MICROS);
        acknowledgedAt = acknowledgedAt == null ? null : acknowledgedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A newly raised alert: open. */
    static StoredAlert from(AlertRaised event) {
        return new StoredAlert(event.alertId(), event.accountId(), event.rule(), event.severity(), event.paymentIds(),
                event.detectedAt(), AlertStatus.OPEN, null);
    }

    /** This alert as acknowledged at {@code at}. */
    StoredAlert acknowledged(Instant at) {
        return new StoredAlert(alertId, accountId, rule, severity, paymentIds, detectedAt, AlertStatus.ACKNOWLEDGED, at);
    }
}
