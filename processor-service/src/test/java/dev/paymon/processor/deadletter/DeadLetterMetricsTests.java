package dev.paymon.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DeadLetterMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterMetrics metrics = new DeadLetterMetrics(registry);

    @Test
    void countsDeadLettersByReason() {
        metrics.accept(deadLetter(DeadLetterReason.UNDECODABLE));
        metrics.accept(deadLetter(DeadLetterReason.UNKNOWN_FX_RATE));
        metrics.accept(deadLetter(DeadLetterReason.UNDECODABLE));

        assertThat(count(DeadLetterReason.UNDECODABLE)).isEqualTo(2.0);
        assertThat(count(DeadLetterReason.UNKNOWN_FX_RATE)).isEqualTo(1.0);
        assertThat(registry.find(DeadLetterMetrics.NAME).tag("reason", "INVALID_EVENT").counter()).isNull();
    }

    private double count(DeadLetterReason reason) {
        return registry.get(DeadLetterMetrics.NAME).tag("reason", reason.name()).counter().count();
    }

    private static DeadLetter deadLetter(DeadLetterReason reason) {
        return new DeadLetter(reason, "decode", "", "payments.initiated.v1", 0, 0L);
    }
}
