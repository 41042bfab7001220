package dev.paymon.subscriber;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.Channel;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Severity;
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
                alertIds.isEmpty() ? PaymentStatus.ACCEPTED : PaymentStatus.FLAGGED, alertIds, processedAt, false);
    }

    /** An alert as the processor raises it. */
    public static AlertRaised alert(String alertId, String accountId, FraudRule rule, Severity severity,
                                    Instant detectedAt, String... paymentIds) {
        return new AlertRaised(alertId, accountId, rule, severity, List.of(paymentIds), detectedAt);
    }

    /** The final result of the 60 s window of an account starting at {@code windowStart}. */
    public static AccountActivity activity(String accountId, Instant windowStart, long count, String totalBase,
                                           String maxBase) {
        return new AccountActivity(accountId, windowStart, windowStart.plusSeconds(60), count,
                new BigDecimal(totalBase), new BigDecimal(maxBase));
    }
}
