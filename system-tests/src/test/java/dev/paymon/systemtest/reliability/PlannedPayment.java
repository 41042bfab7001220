package dev.paymon.systemtest.reliability;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment of a workload, sent as {@link #json()} (with its own {@code paymentId}, so a retry is the same payment).
 *
 * @param sendAt when its client sends it, by the wall clock: its {@code occurredAt} as real clients stamp payments
 *               (at or before the moment they send them), or earlier for a client whose clock runs ahead
 */
record PlannedPayment(String paymentId, String accountId, BigDecimal amount, String currency, String country,
                      Instant occurredAt, int sender, Instant sendAt) {

    /** A payment its client sends when it happens. */
    PlannedPayment(String paymentId, String accountId, BigDecimal amount, String currency, String country,
                   Instant occurredAt, int sender) {
        this(paymentId, accountId, amount, currency, country, occurredAt, sender, occurredAt);
    }

    String json() {
        return """
                {"paymentId":"%s","accountId":"%s","amount":"%s","currency":"%s","merchantId":"m-%s",\
                "merchantCategory":"5411","country":"%s","channel":"CARD_PRESENT","occurredAt":"%s"}"""
                .formatted(paymentId, accountId, amount.toPlainString(), currency, accountId, country, occurredAt);
    }
}
