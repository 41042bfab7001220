package dev.paymon.processor.config;

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
     * Puts this guarantee's {@code processing.guarantee} into the Streams settings.
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
    }
}
