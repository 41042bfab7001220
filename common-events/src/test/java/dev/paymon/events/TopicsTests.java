package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Topic names are the contract of docs/architecture.md; topics are created compacted or replicated as it says. */
class TopicsTests {

    @Test
    void topicNamesAreTheContractNames() {
        assertThat(Topics.PAYMENTS_INITIATED.name()).isEqualTo("payments.initiated.v1");
        assertThat(Topics.ACCOUNTS_REFERENCE.name()).isEqualTo("reference.accounts.v1");
        assertThat(Topics.FX_RATES_REFERENCE.name()).isEqualTo("reference.fx-rates.v1");
        assertThat(Topics.PAYMENTS_ENRICHED.name()).isEqualTo("payments.enriched.v1");
        assertThat(Topics.ACCOUNTS_ACTIVITY.name()).isEqualTo("accounts.activity.v1");
        assertThat(Topics.FRAUD_ALERTS.name()).isEqualTo("fraud.alerts.v1");
        assertThat(Topics.PAYMENTS_DLQ.name()).isEqualTo("payments.dlq.v1");
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates().contains("payments.initiated.v1",
                "reference.accounts.v1", "reference.fx-rates.v1", "payments.enriched.v1", "accounts.activity.v1",
                "fraud.alerts.v1", "payments.dlq.v1");
    }

    @Test
    void everyEventTypeIsCarriedByExactlyOneTopic() {
        assertThat(Topics.ALL.stream().map(Topic::eventType).filter(Objects::nonNull).map(EventType::type).toList())
                .containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::type).toList());
    }

    @Test
    void referenceTopicsAreCompactedAndTheOthersAreNot() {
        assertThat(Topics.ALL.stream().filter(Topic::compacted).map(Topic::name).toList())
                .containsExactlyInAnyOrder("reference.accounts.v1", "reference.fx-rates.v1");
        assertThat(Topics.ACCOUNTS_REFERENCE.toNewTopic(6, (short) 1).configs())
                .isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(Topics.PAYMENTS_INITIATED.toNewTopic(6, (short) 1).configs()).isEmpty();
    }

    @Test
    void createsTopicWithTheGivenPartitionsAndReplicationFactor() {
        NewTopic topic = Topics.PAYMENTS_INITIATED.toNewTopic(6, (short) 1);

        assertThat(topic.name()).isEqualTo("payments.initiated.v1");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void requiresTwoInSyncReplicasFromThreeReplicasOn() {
        assertThat(Topics.FX_RATES_REFERENCE.toNewTopic(3, (short) 3).configs())
                .isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
        assertThat(Topics.PAYMENTS_ENRICHED.toNewTopic(6, (short) 5).configs())
                .isEqualTo(Map.of("min.insync.replicas", "2"));
        assertThat(Topics.PAYMENTS_ENRICHED.toNewTopic(6, (short) 2).configs()).isEmpty();
    }

    @Test
    void addsEnvironmentSpecificConfigs() {
        NewTopic topic = Topics.PAYMENTS_ENRICHED.toNewTopic(6, (short) 3, Map.of("retention.ms", "-1"));

        assertThat(topic.configs()).isEqualTo(Map.of("min.insync.replicas", "2", "retention.ms", "-1"));
    }

    @Test
    void eventTopicsUseTheEventSerdeWithTheWritersSourceAndDeadLetterTopicsRawBytesWithStringKeys() {
        RecordHeaders headers = new RecordHeaders();
        byte[] bytes = Topics.PAYMENTS_INITIATED.valueSerde("/paymon/publisher").serializer()
                .serialize("payments.initiated.v1", headers, Samples.payment());

        assertThat(CloudEvents.read(headers).source()).isEqualTo("/paymon/publisher");
        assertThat(Topics.PAYMENTS_INITIATED.valueSerde("/paymon/processor").deserializer()
                .deserialize("payments.initiated.v1", headers, bytes)).isEqualTo(Samples.payment());
        assertThat(Topics.PAYMENTS_DLQ.valueSerde("/paymon/processor").serializer().serialize("payments.dlq.v1", bytes))
                .isEqualTo(bytes);
        assertThat(Topics.FRAUD_ALERTS.keySerde().serializer().serialize("fraud.alerts.v1", "acc-1001"))
                .isEqualTo("acc-1001".getBytes(UTF_8));
    }
}
