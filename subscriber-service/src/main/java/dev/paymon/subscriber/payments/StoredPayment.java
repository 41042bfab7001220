package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentStatus;
import dev.paymon.subscriber.config.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A processed payment as the subscriber keeps it. Money is in {@link Money#canonical canonical} scale
 * and times in microseconds, the precision PostgreSQL keeps, so a stored payment reads back equal.
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
        Instant processedAt) {

    StoredPayment {
        amount = Money.canonical(amount, currency);
        amountBase = Money.canonical(amountBase, baseCurrency);
        alertIds = List.copyOf(alertIds);
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        processedAt = processedAt.truncatedTo(ChronoUnit.MICROS);
    }

    static StoredPayment from(PaymentEnriched event) {
        return new StoredPayment(event.payment().paymentId(), event.payment().accountId(), event.payment().amount(),
                event.payment().currency(), event.amountBase(), event.baseCurrency(), event.status(), event.alertIds(),
                event.payment().occurredAt(), event.processedAt());
    }
}
