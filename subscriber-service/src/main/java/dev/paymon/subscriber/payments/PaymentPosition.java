package dev.paymon.subscriber.payments;

import java.time.Instant;

/**
 * A position in an account's payment history, which runs newest first by {@code occurredAt}, then by
 * id: a page "before" it holds the payments after it in that order.
 *
 * @param paymentId the payment at the position (a page cursor); {@code null} for an instant alone,
 *                  before which every payment of that instant or later is excluded
 */
record PaymentPosition(Instant occurredAt, String paymentId) {

    static PaymentPosition at(StoredPayment payment) {
        return new PaymentPosition(payment.occurredAt(), payment.paymentId());
    }

    static PaymentPosition instant(Instant instant) {
        return new PaymentPosition(instant, null);
    }
}
