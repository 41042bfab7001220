package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentFingerprint;
import dev.paymon.events.PaymentStatus;
import dev.paymon.subscriber.web.CanonicalAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A processed payment as the subscriber keeps it. Money is in {@link CanonicalAmount#of canonical} scale
 * and times in microseconds, the precision PostgreSQL keeps, so a stored payment reads back equal.
 *
 * @param late        processed after its window had closed: not in that window's activity
 * @param fingerprint the payment's {@link PaymentFingerprint}; {@code null} when stored by an earlier release
 */
record StoredPayment(
        String paymentId,
        String accountId,
        BigDecimal amount,
        String currency,
        BigDecimal amountBase,
        String baseCurrency,
        PaymentStatus status,
        List<String> alertIds,
        Instant occurredAt,
        Instant processedAt,
        boolean late,
        Long fingerprint) {

    StoredPayment {
        amount = CanonicalAmount.of(amount, currency);
        amountBase = CanonicalAmount.of(amountBase, baseCurrency);
        alertIds = List.copyOf(alertIds);
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        processedAt = processedAt.truncatedTo(ChronoUnit.MICROS);
    }

    static StoredPayment from(PaymentEnriched event) {
        return new StoredPayment(event.payment().paymentId(), event.payment().accountId(), event.payment().amount(),
                event.payment().currency(), event.amountBase(), event.baseCurrency(), event.status(), event.alertIds(),
                event.payment().occurredAt(), event.processedAt(), event.late(),
                PaymentFingerprint.of(event.payment()));
    }

    /**
     * Whether {@code other}, stored or delivered under this payment's id, is this payment: the same fingerprint, or
     * for a row of an earlier release without one, the same account, amount and time.
     */
    boolean isSamePaymentAs(StoredPayment other) {
        if (fingerprint != null && other.fingerprint != null) {
            return fingerprint.equals(other.fingerprint);
        }
        return accountId.equals(other.accountId) && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency) && occurredAt.equals(other.occurredAt);
    }
}
