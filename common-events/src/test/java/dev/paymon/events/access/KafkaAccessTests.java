package dev.paymon.events.access;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.junit.jupiter.api.Test;

/** The repository's Kafka access definition against the topic contract, and the parser of its format. */
class KafkaAccessTests {

    private static final KafkaAccess ACCESS = KafkaAccess.load();

    /** The "written by" column of the topic table in docs/architecture.md. */
    private static final Map<Topic<?>, String> WRITERS = Map.of(
            Topics.PAYMENTS_INITIATED, "publisher",
            Topics.ACCOUNTS_REFERENCE, "publisher",
            Topics.FX_RATES_REFERENCE, "publisher",
            Topics.PAYMENTS_ENRICHED, "processor",
            Topics.ACCOUNTS_ACTIVITY, "processor",
            Topics.FRAUD_ALERTS, "processor",
            Topics.PAYMENTS_DLQ, "processor",
            Topics.SUBSCRIBER_DLQ, "subscriber");

    @Test
    void declaresOneUserPerServiceWithItsPasswordVariable() {
        assertThat(ACCESS.users()).containsExactly(
                new KafkaUser("publisher", "PUBLISHER_KAFKA_PASSWORD"),
                new KafkaUser("processor", "PROCESSOR_KAFKA_PASSWORD"),
                new KafkaUser("subscriber", "SUBSCRIBER_KAFKA_PASSWORD"));
    }

    @Test
    void everyTopicOfTheContractHasExactlyItsWriter() {
        assertThat(WRITERS.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (Topic<?> topic : Topics.ALL) {
            assertThat(usersAllowed(topic, WRITE)).as("writers of " + topic.name()).containsExactly(WRITERS.get(topic));
        }
    }

    @Test
    void everyTopicRuleNamesAContractTopicOrOnlyTheProcessorsInternalTopics() {
        Set<String> names = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        for (AccessRule rule : ACCESS.rules()) {
            if (rule.resourceType() != TOPIC) {
                continue;
            }
            if (rule.patternType() == PatternType.LITERAL) {
                assertThat(names).as("topic of " + rule).contains(rule.resourceName());
            } else {
                assertThat(names).as("contract topics under the prefix of " + rule)
                        .noneMatch(name -> name.startsWith(rule.resourceName()));
            }
        }
    }

    @Test
    void thePublisherWritesItsTopicsAndReadsNothing() {
        assertThat(topicsAllowed("publisher", WRITE)).containsExactlyInAnyOrder(
                "payments.initiated.v1", "reference.accounts.v1", "reference.fx-rates.v1");
        assertThat(topicsAllowed("publisher", READ)).isEmpty();
        assertThat(ACCESS.allows("publisher", TOPIC, Topics.FRAUD_ALERTS.name(), DESCRIBE)).isFalse();
        assertThat(ACCESS.rulesOf("publisher")).allMatch(rule -> rule.resourceType() == TOPIC);
    }

    @Test
    void theProcessorReadsItsInputsAndUsesItsGroupTransactionsAndInternalTopics() {
        assertThat(topicsAllowed("processor", READ)).containsExactlyInAnyOrder(
                "payments.initiated.v1", "reference.accounts.v1", "reference.fx-rates.v1");
        assertThat(topicsAllowed("processor", WRITE)).containsExactlyInAnyOrder(
                "payments.enriched.v1", "accounts.activity.v1", "fraud.alerts.v1", "payments.dlq.v1");
        String changelog = "paymon-processor-dedupe-store-changelog";
        assertThat(ACCESS.allows("processor", TOPIC, changelog, CREATE)).isTrue();
        assertThat(ACCESS.allows("processor", TOPIC, changelog, READ)).isTrue();
        assertThat(ACCESS.allows("processor", TOPIC, changelog, WRITE)).isTrue();
        assertThat(ACCESS.allows("processor", GROUP, "paymon-processor", READ)).isTrue();
        assertThat(ACCESS.allows("processor", GROUP, "paymon-subscriber", READ)).isFalse();
        assertThat(ACCESS.allows("processor", TRANSACTIONAL_ID, "paymon-processor-1b2c-3", WRITE)).isTrue();
    }

    @Test
    void theSubscriberReadsTheOutputsAndWritesOnlyItsDeadLetterTopic() {
        // Its own dead-letter topic too: it looks there for a dead letter whose sending was interrupted.
        assertThat(topicsAllowed("subscriber", READ)).containsExactlyInAnyOrder(
                "payments.enriched.v1", "accounts.activity.v1", "fraud.alerts.v1", "payments.dlq.v1",
                "subscriber.dlq.v1");
        assertThat(topicsAllowed("subscriber", WRITE)).containsExactly("subscriber.dlq.v1");
        assertThat(List.of("paymon-subscriber", "paymon-subscriber.alerts", "paymon-subscriber.activity",
                "paymon-subscriber.dead-letters"))
                .allMatch(group -> ACCESS.allows("subscriber", GROUP, group, READ));
        assertThat(ACCESS.rulesOf("subscriber")).noneMatch(rule -> rule.resourceType() == TRANSACTIONAL_ID);
    }

    @Test
    void aServiceCreatesOnlyTopicsItReadsOrWrites() {
        for (KafkaUser user : ACCESS.users()) {
            for (Topic<?> topic : Topics.ALL) {
                if (ACCESS.allows(user.name(), TOPIC, topic.name(), CREATE)) {
                    assertThat(ACCESS.allows(user.name(), TOPIC, topic.name(), READ)
                            || ACCESS.allows(user.name(), TOPIC, topic.name(), WRITE))
                            .as(user.name() + " creates " + topic.name()).isTrue();
                }
            }
        }
    }

    @Test
    void turnsEachOperationIntoAnAllowAclForAnyHost() {
        KafkaAccess access = KafkaAccess.parse("""
                user  svc  SVC_KAFKA_PASSWORD   # a comment
                allow svc  TOPIC  PREFIXED  svc-  READ,write
                """);

        ResourcePattern pattern = new ResourcePattern(TOPIC, "svc-", PatternType.PREFIXED);
        assertThat(access.aclBindings()).containsExactlyInAnyOrder(
                new AclBinding(pattern, new AccessControlEntry("User:svc", "*", READ, AclPermissionType.ALLOW)),
                new AclBinding(pattern, new AccessControlEntry("User:svc", "*", WRITE, AclPermissionType.ALLOW)));
        assertThat(access.user("svc").principal()).isEqualTo("User:svc");
        assertThat(access.allows("svc", TOPIC, "svc-changelog", DESCRIBE)).isTrue();
        assertThat(access.allows("svc", TOPIC, "other", READ)).isFalse();
        assertThat(access.allows("svc", GROUP, "svc-", READ)).isFalse();
    }

    @Test
    void rejectsLinesThatWouldGrantMoreThanAServiceNeedsOrDoNotParse() {
        String user = "user svc SVC_KAFKA_PASSWORD\n";
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse(user + "allow svc TOPIC LITERAL * READ"))
                .withMessageContaining("line 2").withMessageContaining("wildcard");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse(user + "allow svc TOPIC LITERAL t ALL"))
                .withMessageContaining("line 2");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse(user + "allow svc TOPIC LITERAL t DELETE"))
                .withMessageContaining("line 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaAccess.parse(user + "allow svc CLUSTER LITERAL kafka-cluster DESCRIBE"))
                .withMessageContaining("resource type");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse("allow svc TOPIC LITERAL t READ"))
                .withMessageContaining("line 1").withMessageContaining("not declared");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse(user + "allow svc TOPIC t READ"))
                .withMessageContaining("expected allow <user>");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse(user + "user svc OTHER_PASSWORD"))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse("deny svc TOPIC LITERAL t READ"))
                .withMessageContaining("unknown line type deny");
    }

    private static List<String> usersAllowed(Topic<?> topic, AclOperation operation) {
        return ACCESS.users().stream().map(KafkaUser::name)
                .filter(user -> ACCESS.allows(user, TOPIC, topic.name(), operation))
                .toList();
    }

    private static List<String> topicsAllowed(String user, AclOperation operation) {
        return Topics.ALL.stream().map(Topic::name)
                .filter(name -> ACCESS.allows(user, TOPIC, name, operation))
                .toList();
    }
}
