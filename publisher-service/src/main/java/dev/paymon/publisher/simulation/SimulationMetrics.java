package dev.paymon.publisher.simulation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code paymon_publisher_simulated_payments_total{pattern}}: simulated payments the broker acknowledged, by
 * pattern ({@code normal}, {@code largeAmount}, {@code burst}, {@code countryHop}). Failed sends show in the
 * simulation's status.
 */
@Component
class SimulationMetrics {

    private final Map<Pattern, Counter> sent = new EnumMap<>(Pattern.class);

    SimulationMetrics(MeterRegistry registry) {
        for (Pattern pattern : Pattern.values()) {
            sent.put(pattern, Counter.builder("paymon.publisher.simulated.payments")
                    .description("Simulated payments acknowledged by the broker, by pattern")
                    .tag("pattern", pattern.key())
                    .register(registry));
        }
    }

    void sent(Pattern pattern, long count) {
        sent.get(pattern).increment(count);
    }
}
