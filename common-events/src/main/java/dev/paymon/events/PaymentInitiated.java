package dev.paymon.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment was initiated by a client: the input of the pipeline, keyed by {@code accountId} on
 * {@code payments.initiated.v1}. {@code paymentId} is the idempotency key.
 */
public record PaymentInitiated(
        String paymentId,
        String accountId,
        BigDecimal amount,
        String currency,
        String merchantId,
        String merchantCategory,
        String country,
        Channel channel,
        Instant occurredAt) implements Event {

    public PaymentInitiated {
        Violations.check(v -> v
                .id("paymentId", paymentId)
                .id("accountId", accountId)
                .currency("currency", currency)
                .money("amount", amount, currency)
                .id("merchantId", merchantId)
                .id("merchantCategory", merchantCategory)
                .country("country", country)
                .notNull("channel", channel)
                .notNull("occurredAt", occurredAt));
    }

    @Override
    public String eventId() {
        return paymentId;
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}
