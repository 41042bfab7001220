package dev.paymon.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** One realistic, valid event of every type, shared by the tests. Adding an event type needs a sample here. */
final class Samples {

    static final Instant OCCURRED_AT = Instant.parse("2025-03-14T09:26:53.589Z");

    private static final Map<EventType<?>, Event> BY_TYPE = Map.of(
            EventTypes.PAYMENT_INITIATED, payment(),
            EventTypes.ACCOUNT_PROFILE_UPDATED, new AccountProfileUpdated("acc-1001", "DE", RiskTier.MEDIUM,
                    new BigDecimal("5000.00"), "EUR", Instant.parse("2025-03-01T08:00:00Z")),
            EventTypes.FX_RATE_UPDATED, new FxRateUpdated("USD", new BigDecimal("0.921345"), "EUR",
                    Instant.parse("2025-03-14T06:00:00Z")),
            EventTypes.PAYMENT_ENRICHED, enriched(),
            EventTypes.ACCOUNT_ACTIVITY, new AccountActivity("acc-1001", Instant.parse("2025-03-14T09:26:00Z"),
                    Instant.parse("2025-03-14T09:27:00Z"), 3, new BigDecimal("1250.75"), new BigDecimal("1000.00")),
            EventTypes.ALERT_RAISED, new AlertRaised("LARGE_AMOUNT:pay-7f3c2a", "acc-1001", FraudRule.LARGE_AMOUNT,
                    Severity.HIGH, List.of("pay-7f3c2a"), Instant.parse("2025-03-14T09:26:54.002Z")));

    private Samples() {
    }

    static PaymentInitiated payment() {
        return new PaymentInitiated("pay-7f3c2a", "acc-1001", new BigDecimal("1000.00"), "EUR", "merch-42", "5411",
                "DE", Channel.CARD_PRESENT, OCCURRED_AT);
    }

    static PaymentEnriched enriched() {
        return new PaymentEnriched(payment(), new BigDecimal("1000.00"), "EUR", RiskTier.HIGH, PaymentStatus.FLAGGED,
                List.of("LARGE_AMOUNT:pay-7f3c2a"), Instant.parse("2025-03-14T09:26:54.002Z"), false);
    }

    /** The sample of a type; fails with a hint when a new event type has none yet. */
    static <T extends Event> T of(EventType<T> type) {
        Event sample = BY_TYPE.get(type);
        if (sample == null) {
            throw new AssertionError("no sample for " + type.type() + ": add one to " + Samples.class.getName());
        }
        return type.javaType().cast(sample);
    }

    /** Every event type, named by its CloudEvents type, for parameterized tests. */
    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(type.type(), type));
    }

    /** The sample as {@link EventJson} writes it. */
    static <T extends Event> byte[] json(EventType<T> type) {
        return EventJson.write(type, of(type));
    }
}
