package dev.paymon.processor.config;

import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.access.KafkaAccess;
import dev.paymon.support.kafka.TopicProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The processor's Kafka user ({@code kafka-access.tsv}) may do what this service's configuration asks for:
 * create its topics and align their configs, and use its application id as Kafka Streams does (group, transactional
 * ids, internal topics).
 */
class KafkaAccessDefinitionTests {

    private static final KafkaAccess ACCESS = KafkaAccess.load();
    private static final String USER = "processor";

    @Test
    void mayCreateEveryTopicTheProcessorCreates() {
        List<NewTopic> topics = TopicsConfiguration.newTopics(
                new TopicProperties(6, (short) 1, Duration.ofSeconds(10), Duration.ofDays(90)));

        assertThat(topics).allMatch(topic -> ACCESS.allows(USER, TOPIC, topic.name(), CREATE));
    }

    /** With modify-topic-configs, Spring's KafkaAdmin describes each declared topic that exists, aligns its configs. */
    @Test
    void mayCheckTheConfigsOfEveryTopicItDeclaresAndSetThoseItConfigures() throws IOException {
        List<NewTopic> topics = TopicsConfiguration.newTopics(
                new TopicProperties(6, (short) 1, Duration.ofSeconds(10), Duration.ofDays(90)));

        assertThat(applicationYml("spring.kafka.admin.modify-topic-configs")).isEqualTo("true");
        assertThat(topics).allMatch(topic -> ACCESS.allows(USER, TOPIC, topic.name(), DESCRIBE_CONFIGS));
        assertThat(topics).filteredOn(topic -> !topic.configs().isEmpty()).isNotEmpty()
                .allMatch(topic -> ACCESS.allows(USER, TOPIC, topic.name(), ALTER_CONFIGS));
    }

    @Test
    void mayUseItsApplicationIdAsGroupTransactionalIdPrefixAndInternalTopicPrefix() throws IOException {
        String applicationId = applicationYml("spring.kafka.streams.application-id");
        String changelog = applicationId + "-dedupe-store-changelog";

        assertThat(ACCESS.allows(USER, GROUP, applicationId, READ)).isTrue();
        // exactly_once_v2: <application.id>-<process id>-<thread index>
        assertThat(ACCESS.allows(USER, TRANSACTIONAL_ID, applicationId + "-" + UUID.randomUUID() + "-1", WRITE))
                .isTrue();
        assertThat(List.of(CREATE, READ, WRITE)).allMatch(operation -> ACCESS.allows(USER, TOPIC, changelog, operation));
    }

    private static String applicationYml(String key) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        return sources.stream().map(source -> source.getProperty(key)).filter(value -> value != null)
                .map(String::valueOf).findFirst().orElseThrow();
    }
}
