package dev.paymon.publisher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.testing.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicCreationIT extends PublisherIntegrationTest {

    static final List<String> TOPICS = List.of(Topics.PAYMENTS_INITIATED.name(), Topics.ACCOUNTS_REFERENCE.name(),
            Topics.FX_RATES_REFERENCE.name());

    @Test
    void createsItsTopicsWithConfiguredPartitionsAndCompactsReferenceData() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            Map<String, Integer> partitions = admin.describeTopics(TOPICS).allTopicNames().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
            Map<String, String> cleanup = admin.describeConfigs(TOPICS.stream()
                            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(),
                            e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));

            assertThat(partitions).isEqualTo(Map.of("payments.initiated.v1", 3, "reference.accounts.v1", 3,
                    "reference.fx-rates.v1", 3));
            assertThat(cleanup).isEqualTo(Map.of("payments.initiated.v1", "delete", "reference.accounts.v1", "compact",
                    "reference.fx-rates.v1", "compact"));
        }
    }
}
