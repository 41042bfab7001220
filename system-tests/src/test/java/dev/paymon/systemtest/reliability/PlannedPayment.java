package dev.paymon.systemtest.reliability;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment of a workload, sent as {@link #json()} (with its own {@code paymentId}, so a retry is the same payment). */
record PlannedPayment(String paymentId, String accountId, BigDecimal amount, String currency, String country,
                      Instant occurredAt, int sender) {

    String json() {
        return """
                {"paymentId":"%s","accountId":"%s","amount":"%s","currency":"%s","merchantId":"m-%s",\
                "merchantCategory":"5411","country":"%s","channel":"CARD_PRESENT","occurredAt":"%s"}"""
                .formatted(paymentId, accountId, amount.toPlainString(), currency, accountId, country, occurredAt);
    }
}
