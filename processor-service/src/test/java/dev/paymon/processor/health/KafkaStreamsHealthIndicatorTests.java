package dev.paymon.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaStreamsHealthIndicatorTests {

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"RUNNING", "REBALANCING"})
    void isUpWhileProcessing(State state) {
        assertThat(KafkaStreamsHealthIndicator.of(state))
                .isEqualTo(Health.up().withDetail("state", state.name()).build());
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"RUNNING", "REBALANCING"}, mode = EnumSource.Mode.EXCLUDE)
    void isDownInEveryOtherState(State state) {
        assertThat(KafkaStreamsHealthIndicator.of(state))
                .isEqualTo(Health.down().withDetail("state", state.name()).build());
    }

    @Test
    void isDownBeforeKafkaStreamsIsCreated() {
        assertThat(KafkaStreamsHealthIndicator.of(null).getStatus()).isEqualTo(Status.DOWN);
    }
}
