package dev.paymon.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.support.kafka.TopicProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsConfigurationTests {

    @Test
    void createsInputsAndOutputsWithConfiguredSizeCompactedReferenceDataAndLongRetainedSystemOfRecord() {
        TopicProperties properties = new TopicProperties(3, (short) 3, Duration.ofSeconds(10), Duration.ofDays(365));

        List<NewTopic> topics = TopicsConfiguration.newTopics(properties);

        assertThat(topics).extracting(NewTopic::name, NewTopic::numPartitions, NewTopic::replicationFactor, NewTopic::configs)
                .containsExactly(
                        tuple("payments.initiated.v1", 3, (short) 3, Map.of("min.insync.replicas", "2")),
                        tuple("reference.accounts.v1", 3, (short) 3,
                                Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")),
                        tuple("reference.fx-rates.v1", 3, (short) 3,
                                Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")),
                        tuple("payments.enriched.v1", 3, (short) 3,
                                Map.of("retention.ms", "31536000000", "min.insync.replicas", "2")),
                        tuple("accounts.activity.v1", 3, (short) 3, Map.of("min.insync.replicas", "2")),
                        tuple("fraud.alerts.v1", 3, (short) 3, Map.of("min.insync.replicas", "2")),
                        tuple("payments.dlq.v1", 3, (short) 3, Map.of("min.insync.replicas", "2")));
    }
}
