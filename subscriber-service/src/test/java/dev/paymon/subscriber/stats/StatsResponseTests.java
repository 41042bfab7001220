package dev.paymon.subscriber.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsResponseTests {

    @Test
    void countsPaymentsByStatusAndZeroForAStatusWithoutPayments() {
        assertThat(StatsResponse.Payments.of(Map.of("ACCEPTED", 10L, "FLAGGED", 2L)))
                .isEqualTo(new StatsResponse.Payments(12, 10, 2));
        assertThat(StatsResponse.Payments.of(Map.of("FLAGGED", 3L))).isEqualTo(new StatsResponse.Payments(3, 0, 3));
        assertThat(StatsResponse.Payments.of(Map.of())).isEqualTo(new StatsResponse.Payments(0, 0, 0));
    }

    @Test
    void listsEveryRuleInContractOrderWithItsCountAndSumsTheOpenAlerts() {
        StatsResponse.Alerts alerts = StatsResponse.Alerts.of(List.of(
                new StatsRepository.RuleCount("VELOCITY", 2, 1), new StatsRepository.RuleCount("LARGE_AMOUNT", 1, 1)));

        assertThat(alerts.total()).isEqualTo(3);
        assertThat(alerts.open()).isEqualTo(2);
        assertThat(alerts.byRule()).containsExactly(Map.entry("LARGE_AMOUNT", 1L), Map.entry("VELOCITY", 2L),
                Map.entry("IMPOSSIBLE_TRAVEL", 0L), Map.entry("DAILY_LIMIT", 0L));
    }

    @Test
    void listsEveryReasonInContractOrderThenOnesThisVersionDoesNotKnow() {
        LastDeadLetter newest = new LastDeadLetter("INVALID_EVENT", "validate", "amount: must be positive",
                "payments.initiated.v1", 0, 17, Instant.parse("2026-03-01T10:15:30Z"));

        StatsResponse.DeadLetters deadLetters = StatsResponse.DeadLetters.of(
                Map.of("INVALID_EVENT", 3L, "UNDECODABLE", 1L, "FROM_THE_FUTURE", 2L), List.of(newest));

        assertThat(deadLetters.total()).isEqualTo(6);
        assertThat(deadLetters.byReason()).containsExactly(Map.entry("UNDECODABLE", 1L),
                Map.entry("INVALID_EVENT", 3L), Map.entry("UNKNOWN_FX_RATE", 0L), Map.entry("LATE_EVENT", 0L),
                Map.entry("MISSING_EVENT_TIME", 0L), Map.entry("PROCESSING_ERROR", 0L),
                Map.entry("FROM_THE_FUTURE", 2L));
        assertThat(deadLetters.last()).containsExactly(newest);
    }
}
