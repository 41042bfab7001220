package dev.paymon.publisher.kafka;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.Topics;
import dev.paymon.events.access.KafkaAccess;
import org.junit.jupiter.api.Test;

/** The publisher's Kafka user ({@code kafka-access.tsv}) may create and write exactly the topics it writes. */
class KafkaAccessDefinitionTests {

    private static final KafkaAccess ACCESS = KafkaAccess.load();

    @Test
    void mayCreateAndWriteExactlyTheTopicsThePublisherWrites() {
        assertThat(KafkaConfiguration.WRITTEN).allMatch(topic -> ACCESS.allows("publisher", TOPIC, topic.name(), CREATE));
        assertThat(Topics.ALL).filteredOn(topic -> ACCESS.allows("publisher", TOPIC, topic.name(), WRITE))
                .containsExactlyInAnyOrderElementsOf(KafkaConfiguration.WRITTEN);
    }
}
