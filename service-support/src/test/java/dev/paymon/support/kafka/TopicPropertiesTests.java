package dev.paymon.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TopicPropertiesTests {

    @Test
    void bindsTheDocumentedDefaults() {
        assertThat(bind(Map.of()))
                .isEqualTo(new TopicProperties(6, (short) 1, Duration.ofSeconds(10), Duration.ofDays(90)));
    }

    @Test
    void bindsConfiguredValues() {
        TopicProperties topics = bind(Map.of(
                "paymon.topics.partitions", "3",
                "paymon.topics.replication-factor", "3",
                "paymon.topics.creation-retry", "500ms",
                "paymon.topics.enriched-retention", "365d"));

        assertThat(topics)
                .isEqualTo(new TopicProperties(3, (short) 3, Duration.ofMillis(500), Duration.ofDays(365)));
    }

    @Test
    void rejectsTopicsWithoutPartitions() {
        assertThatThrownBy(() -> bind(Map.of("paymon.topics.partitions", "0")))
                .isInstanceOf(BindException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("paymon.topics.partitions and replication-factor must be at least 1");
    }

    @Test
    void rejectsTopicsWithoutReplicas() {
        assertThatThrownBy(() -> bind(Map.of("paymon.topics.replication-factor", "0")))
                .hasRootCauseMessage("paymon.topics.partitions and replication-factor must be at least 1");
    }

    private static TopicProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paymon.topics", TopicProperties.class);
    }
}
