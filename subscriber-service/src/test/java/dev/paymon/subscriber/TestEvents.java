package dev.paymon.subscriber;

import dev.paymon.events.Channel;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events as the processor writes them, for tests. */
public final class TestEvents {

    public static final Instant OCCURRED_AT = Instant.parse("2026-03-01T10:15:30Z");
    public static final Instant PROCESSED_AT = Instant.parse("2026-03-01T10:15:31.250Z");

    private TestEvents() {
    }

    /** A payment converted to EUR: ACCEPTED without alerts, FLAGGED with. */
    public static PaymentEnriched payment(String paymentId, String accountId, String amount, String currency,
                                          String amountBase, List<String> alertIds) {
        return payment(paymentId, accountId, amount, currency, amountBase, alertIds, OCCURRED_AT, PROCESSED_AT);
    }

    public static PaymentEnriched payment(String paymentId, String accountId, String amount, String currency,
                                          String amountBase, List<String> alertIds, Instant occurredAt,
                                          Instant processedAt) {
        PaymentInitiated initiated = new PaymentInitiated(paymentId, accountId, new BigDecimal(amount), currency,
                "merchant-7", "5411", "DE", Channel.ECOMMERCE, occurredAt);
        return new PaymentEnriched(initiated, new BigDecimal(amountBase), "EUR", RiskTier.LOW,
                alertIds.isEmpty() ? PaymentStatus.ACCEPTED : PaymentStatus.FLAGGED, alertIds, processedAt);
    }
}
