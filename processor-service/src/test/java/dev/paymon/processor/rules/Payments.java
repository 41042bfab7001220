package dev.paymon.processor.rules;

import dev.paymon.events.Channel;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Enriched payments for the rule tests. */
final class Payments {

    static final Instant OCCURRED = Instant.parse("2026-11-28T10:15:00Z");

    private Payments() {
    }

    static PaymentEnriched enriched(String paymentId, String amountBase) {
        return enriched(paymentId, amountBase, OCCURRED);
    }

    static PaymentEnriched enriched(String paymentId, String amountBase, Instant occurredAt) {
        PaymentInitiated payment = new PaymentInitiated(paymentId, "acc-1", new BigDecimal(amountBase), "EUR", "m-1",
                "5411", "DE", Channel.ECOMMERCE, occurredAt);
        return new PaymentEnriched(payment, new BigDecimal(amountBase), "EUR", null, PaymentStatus.ACCEPTED, List.of(),
                occurredAt.plusSeconds(1), false);
    }
}
