package dev.paymon.subscriber.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsResponseTests {

    @Test
    void countsPaymentsByStatusWithTheLateOnesAndZeroForAStatusWithoutPayments() {
        assertThat(StatsResponse.Payments.of(Map.of("payments.ACCEPTED", 10L, "payments.FLAGGED", 2L,
                "payments.late", 3L, "alerts.VELOCITY", 7L))).isEqualTo(new StatsResponse.Payments(12, 10, 2, 3));
        assertThat(StatsResponse.Payments.of(Map.of("payments.FLAGGED", 3L)))
                .isEqualTo(new StatsResponse.Payments(3, 0, 3, 0));
        assertThat(StatsResponse.Payments.of(Map.of())).isEqualTo(new StatsResponse.Payments(0, 0, 0, 0));
    }

    @Test
    void listsEveryRuleInContractOrderWithItsCountAndTheOpenAlertsAsThoseNotAcknowledged() {
        StatsResponse.Alerts alerts = StatsResponse.Alerts.of(Map.of("alerts.VELOCITY", 2L, "alerts.LARGE_AMOUNT", 1L,
                "alerts.acknowledged.VELOCITY", 1L, "alerts.acknowledged.LARGE_AMOUNT", 0L, "payments.ACCEPTED", 9L));

        assertThat(alerts.total()).isEqualTo(3);
        assertThat(alerts.open()).isEqualTo(2);
        assertThat(alerts.byRule()).containsExactly(Map.entry("LARGE_AMOUNT", 1L), Map.entry("VELOCITY", 2L),
                Map.entry("IMPOSSIBLE_TRAVEL", 0L), Map.entry("DAILY_LIMIT", 0L));
    }

    @Test
    void listsEveryReasonInContractOrderThenOnesThisVersionDoesNotKnow() {
        LastDeadLetter newest = new LastDeadLetter("INVALID_EVENT", "validate", "amount: must be positive",
                "payments.initiated.v1", 0, 17, Instant.parse("2026-03-01T10:15:30Z"));

        StatsResponse.DeadLetters deadLetters = StatsResponse.DeadLetters.of(Map.of("dead_letters.INVALID_EVENT", 3L,
                "dead_letters.UNDECODABLE", 1L, "dead_letters.FROM_THE_FUTURE", 2L,
                "subscriber_dead_letters.UNDECODABLE", 5L), List.of(newest));

        assertThat(deadLetters.total()).isEqualTo(6);
        assertThat(deadLetters.byReason()).containsExactly(Map.entry("UNDECODABLE", 1L),
                Map.entry("INVALID_EVENT", 3L), Map.entry("UNKNOWN_FX_RATE", 0L), Map.entry("LATE_EVENT", 0L),
                Map.entry("MISSING_EVENT_TIME", 0L), Map.entry("PROCESSING_ERROR", 0L),
                Map.entry("PAYMENT_ID_CONFLICT", 0L), Map.entry("FROM_THE_FUTURE", 2L));
        assertThat(deadLetters.last()).containsExactly(newest);
    }

    @Test
    void countsTheSubscribersOwnDeadLettersApart() {
        StatsResponse.SubscriberDeadLetters own = StatsResponse.SubscriberDeadLetters.of(Map.of(
                "subscriber_dead_letters.PAYMENT_ID_CONFLICT", 2L, "subscriber_dead_letters.UNDECODABLE", 1L,
                "dead_letters.UNDECODABLE", 9L));

        assertThat(own.total()).isEqualTo(3);
        assertThat(own.byReason()).containsEntry("PAYMENT_ID_CONFLICT", 2L).containsEntry("UNDECODABLE", 1L)
                .containsEntry("INVALID_EVENT", 0L);
    }
}
