package dev.paymon.subscriber;

import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.paymon.events.Topics;
import dev.paymon.events.access.KafkaAccess;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The subscriber's Kafka user ({@code kafka-access.tsv}) may do what this service's code and configuration
 * ask for: every listener's group and topics, and its dead-letter topic.
 */
class KafkaAccessDefinitionTests {

    private static final KafkaAccess ACCESS = KafkaAccess.load();
    private static final String USER = "subscriber";
    private static final String GROUP_PROPERTY = "${spring.kafka.consumer.group-id}";

    @Test
    void everyListenerMayReadItsTopicsInItsGroup() throws IOException {
        String groupId = applicationYml("spring.kafka.consumer.group-id");
        List<KafkaListener> listeners = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.paymon.subscriber").stream()
                .flatMap(type -> Arrays.stream(type.reflect().getDeclaredMethods()))
                .map(method -> method.getAnnotation(KafkaListener.class))
                .filter(listener -> listener != null)
                .toList();

        assertThat(listeners).hasSize(4);
        for (KafkaListener listener : listeners) {
            String group = listener.groupId().isEmpty() ? groupId : listener.groupId().replace(GROUP_PROPERTY, groupId);
            assertThat(ACCESS.allows(USER, GROUP, group, READ)).as("group " + group).isTrue();
            for (String topic : listener.topics()) {
                String name = new SpelExpressionParser().parseExpression(topic, new TemplateParserContext())
                        .getValue(String.class);
                assertThat(ACCESS.allows(USER, TOPIC, name, READ)).as("topic " + name).isTrue();
            }
        }
    }

    @Test
    void mayCreateAndWriteItsDeadLetterTopicOnly() {
        assertThat(ACCESS.allows(USER, TOPIC, Topics.SUBSCRIBER_DLQ.name(), CREATE)).isTrue();
        assertThat(ACCESS.allows(USER, TOPIC, Topics.SUBSCRIBER_DLQ.name(), WRITE)).isTrue();
        assertThat(Topics.ALL).filteredOn(topic -> ACCESS.allows(USER, TOPIC, topic.name(), WRITE))
                .containsExactly(Topics.SUBSCRIBER_DLQ);
    }

    /** With modify-topic-configs, Spring's KafkaAdmin describes its DLQ topic if it exists and sets its retention. */
    @Test
    void mayCheckAndSetTheConfigsOfItsDeadLetterTopic() throws IOException {
        assertThat(applicationYml("spring.kafka.admin.modify-topic-configs")).isEqualTo("true");
        assertThat(ACCESS.allows(USER, TOPIC, Topics.SUBSCRIBER_DLQ.name(), DESCRIBE_CONFIGS)).isTrue();
        assertThat(ACCESS.allows(USER, TOPIC, Topics.SUBSCRIBER_DLQ.name(), ALTER_CONFIGS)).isTrue();
        assertThat(Topics.ALL).filteredOn(topic -> ACCESS.allows(USER, TOPIC, topic.name(), ALTER_CONFIGS))
                .containsExactly(Topics.SUBSCRIBER_DLQ);
    }

    private static String applicationYml(String key) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        return sources.stream().map(source -> source.getProperty(key)).filter(value -> value != null)
                .map(String::valueOf).findFirst().orElseThrow();
    }
}
