package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentStatus;
import java.time.Instant;
import java.util.List;

/**
 * A payment as {@code GET /api/v1/payments/{paymentId}} answers it: money as decimal strings,
 * times as ISO-8601 UTC; {@code late} when the processor handled it after its window had closed (it is then not
 * in that window's activity).
 */
record PaymentResponse(
        String paymentId,
        String accountId,
        String amount,
        String currency,
        String amountBase,
        String baseCurrency,
        PaymentStatus status,
        List<String> alertIds,
        Instant occurredAt,
        Instant processedAt,
        boolean late) {

    static PaymentResponse of(StoredPayment payment) {
        return new PaymentResponse(payment.paymentId(), payment.accountId(), payment.amount().toPlainString(),
                payment.currency(), payment.amountBase().toPlainString(), payment.baseCurrency(), payment.status(),
                payment.alertIds(), payment.occurredAt(), payment.processedAt(), payment.late());
    }
}
