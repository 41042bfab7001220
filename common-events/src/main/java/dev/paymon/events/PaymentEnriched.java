package dev.paymon.events;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A valid, de-duplicated payment after processing, keyed by {@code accountId} on
 * {@code payments.enriched.v1}, the system of record from which every projection can be rebuilt.
 *
 * @param payment     the payment as initiated
 * @param amountBase  the amount converted to {@code baseCurrency}; 0.00 when a tiny amount rounds to nothing
 * @param riskTier    the account's risk tier, or {@code null} when the account has no profile
 * @param alertIds    ids of the alerts this payment raised; empty when {@code status} is ACCEPTED
 * @param processedAt when the processor handled the payment
 * @param late        the payment's event-time window had already closed when the processor handled it: it is not
 *                    in that window's {@code AccountActivity}, and counted and checked by the rules like any other
 *                    payment otherwise. Absent (false) in records of earlier releases.
 */
public record PaymentEnriched(
        PaymentInitiated payment,
        BigDecimal amountBase,
        String baseCurrency,
        RiskTier riskTier,
        PaymentStatus status,
        List<String> alertIds,
        Instant processedAt,
        // Absent in records of earlier releases: read as false rather than refused as a missing primitive.
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean late) implements Event {

    public PaymentEnriched {
        List<String> alerts = alertIds == null ? List.of() : alertIds;
        Violations.check(v -> {
            v.notNull("payment", payment)
                    .nonNegative("amountBase", amountBase)
                    .currency("baseCurrency", baseCurrency)
                    .notNull("status", status)
                    .notNull("processedAt", processedAt);
            if (status == PaymentStatus.FLAGGED && alerts.isEmpty()) {
                v.add("alertIds", "must not be empty when status is FLAGGED");
            }
            if (status == PaymentStatus.ACCEPTED && !alerts.isEmpty()) {
                v.add("alertIds", "must be empty when status is ACCEPTED");
            }
            for (int i = 0; i < alerts.size(); i++) {
                v.id("alertIds[" + i + "]", alerts.get(i));
            }
        });
        alertIds = List.copyOf(alerts);
    }

    /** This payment, marked late (its window had closed when it was processed). */
    public PaymentEnriched asLate() {
        return new PaymentEnriched(payment, amountBase, baseCurrency, riskTier, status, alertIds, processedAt, true);
    }

    /** This payment, FLAGGED with the ids of the alerts it raised. */
    public PaymentEnriched flagged(List<String> raised) {
        return new PaymentEnriched(payment, amountBase, baseCurrency, riskTier, PaymentStatus.FLAGGED, raised,
                processedAt, late);
    }

    @Override
    public String eventId() {
        return payment.paymentId();
    }

    @Override
    public Instant eventTime() {
        return processedAt;
    }
}
