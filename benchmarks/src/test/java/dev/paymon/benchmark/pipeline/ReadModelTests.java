package dev.paymon.benchmark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadModelTests {

    @Test
    void readsTheStoredPaymentsFromTheStatsAnswer() {
        String stats = """
                {"payments": {"total": 1234567, "accepted": 1234000, "flagged": 567, "late": 3},
                 "alerts": {"total": 9, "open": 9, "byRule": {}},
                 "deadLetters": {"total": 0, "byReason": {}, "last": []}}
                """;

        assertThat(ReadModel.total(stats)).isEqualTo(1_234_567);
    }

    @Test
    void refusesAnAnswerWithoutTheCount() {
        assertThatThrownBy(() -> ReadModel.total("{\"type\": \"about:blank\", \"status\": 503}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("payments.total");
    }
}
