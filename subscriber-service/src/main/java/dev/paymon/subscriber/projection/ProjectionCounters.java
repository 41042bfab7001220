package dev.paymon.subscriber.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters every projection keeps: counters {@code paymon.subscriber.<name>.stored} and
 * {@code paymon.subscriber.<name>.duplicates} (values delivered again and skipped), and the histogram
 * {@value #LATENCY} with tag {@code projection} (the name, dots as dashes): from a stored value's Kafka record
 * timestamp to its database commit.
 */
public record ProjectionCounters(Counter stored, Counter duplicates, Timer latency) {

    public static final String LATENCY = "paymon.subscriber.projection.latency";

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
                        .register(meters),
                Timer.builder(LATENCY)
                        .description("Time from a record's Kafka timestamp to the commit of its value in the database")
                        .tag("projection", name.replace('.', '-'))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(5))
                        .maximumExpectedValue(Duration.ofMinutes(5))
                        .register(meters));
    }
}
