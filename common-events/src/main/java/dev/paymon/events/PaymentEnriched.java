package dev.paymon.events;

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
 */
public record PaymentEnriched(
        PaymentInitiated payment,
        BigDecimal amountBase,
        String baseCurrency,
        RiskTier riskTier,
        PaymentStatus status,
        List<String> alertIds,
        Instant processedAt) implements Event {

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

    @Override
    public String eventId() {
        return payment.paymentId();
    }

    @Override
    public Instant eventTime() {
        return processedAt;
    }
}
