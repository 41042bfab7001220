package dev.paymon.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProcessingGuaranteeTests {

    @Test
    void bindsTheDocumentedValuesAndDefaultsToExactlyOnce() {
        assertThat(bind(Map.of())).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
        assertThat(bind(Map.of("paymon.processor.processing-guarantee", "exactly-once")))
                .isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
        assertThat(bind(Map.of("paymon.processor.processing-guarantee", "at-least-once")))
                .isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
    }

    @Test
    void setsKafkaStreamsProcessingGuarantee() {
        assertThat(applied(ProcessingGuarantee.EXACTLY_ONCE, new HashMap<>()))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
        assertThat(applied(ProcessingGuarantee.AT_LEAST_ONCE, new HashMap<>()))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
    }

    @Test
    void commitsEveryTwentyMillisecondsUnderExactlyOnceUnlessConfiguredAndLeavesAtLeastOnceAlone() {
        assertThat(applied(ProcessingGuarantee.EXACTLY_ONCE, new HashMap<>()))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L);
        assertThat(applied(ProcessingGuarantee.EXACTLY_ONCE,
                new HashMap<>(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"))))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        assertThat(applied(ProcessingGuarantee.AT_LEAST_ONCE, new HashMap<>()))
                .doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    @Test
    void acceptsTheSameGuaranteeSetInTheStreamsProperties() {
        Map<Object, Object> streams = new HashMap<>(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"));

        assertThat(applied(ProcessingGuarantee.AT_LEAST_ONCE, streams))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
    }

    @Test
    void refusesAConflictingGuaranteeInTheStreamsProperties() {
        Map<Object, Object> atLeastOnce = new HashMap<>(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"));
        Map<Object, Object> exactlyOnce = new HashMap<>(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2"));

        assertThatIllegalStateException().isThrownBy(() -> ProcessingGuarantee.EXACTLY_ONCE.applyTo(atLeastOnce))
                .withMessageContaining("paymon.processor.processing-guarantee=exactly-once")
                .withMessageContaining("spring.kafka.streams.properties.processing.guarantee=at_least_once");
        assertThatIllegalStateException().isThrownBy(() -> ProcessingGuarantee.AT_LEAST_ONCE.applyTo(exactlyOnce))
                .withMessageContaining("paymon.processor.processing-guarantee=at-least-once");
        assertThat(atLeastOnce).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
    }

    private static Map<Object, Object> applied(ProcessingGuarantee guarantee, Map<Object, Object> streams) {
        guarantee.applyTo(streams);
        return streams;
    }

    private static ProcessingGuarantee bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paymon.processor", ProcessorProperties.class).processingGuarantee();
    }
}
