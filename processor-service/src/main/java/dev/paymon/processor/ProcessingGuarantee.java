package dev.paymon.processor;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The processing guarantee of the topology ({@code paymon.processor.processing-guarantee}), mapped to Kafka Streams'
 * {@code processing.guarantee}.
 */
public enum ProcessingGuarantee {

    /** {@code exactly_once_v2}, the default: outputs, state changes and input offsets commit in one transaction. */
    EXACTLY_ONCE(StreamsConfig.EXACTLY_ONCE_V2),
    /**
     * {@code at_least_once}: no transactions, so outputs are visible at once, but after a crash or a rebalance the
     * records processed since the last commit are processed again.
     */
    AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

    /**
     * {@code commit.interval.ms} under exactly-once unless configured: a {@code read_committed} reader sees outputs
     * only at commit, so the interval is a floor under end-to-end latency. In the benchmark at 2,000 payments/s,
     * Kafka Streams' own 100 ms put the p99 at 300-450 ms, 50 ms at 318 ms, 20 ms at 137-219 ms; the highest
     * sustained rate was 4,500-5,500/s with 20 ms and 5,500/s with 100 ms (more, smaller transactions, and record
     * caches flushed more often).
     */
    public static final long EXACTLY_ONCE_COMMIT_INTERVAL_MS = 20;

    private final String streamsValue;

    ProcessingGuarantee(String streamsValue) {
        this.streamsValue = streamsValue;
    }

    /** Kafka Streams' value of {@code processing.guarantee}. */
    public String streamsValue() {
        return streamsValue;
    }

    /** The property's value as written in configuration, e.g. {@code at-least-once}. */
    public String configValue() {
        return name().toLowerCase().replace('_', '-');
    }

    /**
     * Puts this guarantee's {@code processing.guarantee} into the Streams settings, and under exactly-once
     * {@code commit.interval.ms} {@value #EXACTLY_ONCE_COMMIT_INTERVAL_MS} unless they set it
     * ({@code spring.kafka.streams.properties.commit.interval.ms}). At-least-once keeps Kafka Streams' default (30 s):
     * its outputs are visible at once, and the interval only bounds what a crash makes it process again.
     *
     * @throws IllegalStateException if they already name another guarantee (set with
     *                               {@code spring.kafka.streams.properties.processing.guarantee}), as one of the two
     *                               settings would be silently ignored
     */
    public void applyTo(Map<Object, Object> streams) {
        Object configured = streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        if (configured != null && !streamsValue.equals(configured.toString())) {
            throw new IllegalStateException("Conflicting processing guarantees: paymon.processor.processing-guarantee="
                    + configValue() + " needs processing.guarantee=" + streamsValue
                    + ", but spring.kafka.streams.properties.processing.guarantee=" + configured
                    + ". Set only paymon.processor.processing-guarantee (exactly-once or at-least-once).");
        }
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, streamsValue);
        if (this == EXACTLY_ONCE) {
            streams.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EXACTLY_ONCE_COMMIT_INTERVAL_MS);
        }
    }
}
