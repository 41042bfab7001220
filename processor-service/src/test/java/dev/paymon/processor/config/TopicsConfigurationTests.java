package dev.paymon.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.Topics;
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
                        tuple("accounts.activity.v1", 3, (short) 3,
                                Map.of("retention.ms", "31536000000", "min.insync.replicas", "2")),
                        tuple("fraud.alerts.v1", 3, (short) 3,
                                Map.of("retention.ms", "31536000000", "min.insync.replicas", "2")),
                        tuple("payments.dlq.v1", 3, (short) 3,
                                Map.of("retention.ms", "31536000000", "min.insync.replicas", "2")));
    }

    /** A projection rebuilt after a week must still find its alerts, windows and dead letters. */
    @Test
    void keepsEveryTopicAProjectionIsRebuiltFromAsLongAsTheSystemOfRecord() {
        TopicProperties defaults = new TopicProperties(6, (short) 1, Duration.ofSeconds(10), Duration.ofDays(90));
        List<String> projected = List.of(Topics.PAYMENTS_ENRICHED.name(), Topics.ACCOUNTS_ACTIVITY.name(),
                Topics.FRAUD_ALERTS.name(), Topics.PAYMENTS_DLQ.name());

        assertThat(TopicsConfiguration.newTopics(defaults)).filteredOn(topic -> projected.contains(topic.name()))
                .hasSize(4)
                .allSatisfy(topic -> assertThat(topic.configs()).containsEntry("retention.ms",
                        Long.toString(Duration.ofDays(90).toMillis())));
    }
}
