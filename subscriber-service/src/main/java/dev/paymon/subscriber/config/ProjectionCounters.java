package dev.paymon.subscriber.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two counters every projection keeps: {@code paymon.subscriber.<name>.stored} and
 * {@code paymon.subscriber.<name>.duplicates} (values delivered again and skipped).
 */
public record ProjectionCounters(Counter stored, Counter duplicates) {

    /**
     * @param name   the projection, e.g. {@code payments}
     * @param values what it stores, for the descriptions, e.g. {@code Payments}
     */
    public static ProjectionCounters register(MeterRegistry meters, String name, String values) {
        return new ProjectionCounters(
                Counter.builder("paymon.subscriber." + name + ".stored")
                        .description(values + " stored by the subscriber")
                        .register(meters),
                Counter.builder("paymon.subscriber." + name + ".duplicates")
                        .description(values + " delivered again and skipped because they were stored already")
                        .register(meters));
    }
}
