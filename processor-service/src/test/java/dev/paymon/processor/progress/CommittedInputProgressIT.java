package dev.paymon.processor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The input's progress read from a real broker: a partition is caught up when the group's committed offset has
 * reached its end, and only as of the reading that saw it.
 */
class CommittedInputProgressIT {

    private static final Instant READ_AT = Instant.parse("2026-12-01T12:00:00Z");

    private final String topic = "progress-" + UUID.randomUUID();
    private final String group = "progress-group-" + UUID.randomUUID();
    private final Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void tellsAPartitionCaughtUpOnlyOnceItsCommittedOffsetReachesItsEnd() throws Exception {
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            produce(3);
            commit(client, 2);
            CommittedInputProgress progress = progress(Clock.fixed(READ_AT, ZoneOffset.UTC));

            progress.check();

            long now = READ_AT.plusSeconds(5).toEpochMilli();
            assertThat(progress.caughtUpAt(0, now)).as("two of three records committed").isEqualTo(-1);
            assertThat(progress.caughtUpAt(1, now)).as("empty").isEqualTo(READ_AT.toEpochMilli());

            commit(client, 3);
            progress.check();

            assertThat(progress.caughtUpAt(0, now)).isEqualTo(READ_AT.toEpochMilli());
            assertThat(progress.caughtUpAt(0, READ_AT.minusSeconds(1).toEpochMilli()))
                    .as("never after the caller's now").isEqualTo(READ_AT.minusSeconds(1).toEpochMilli());
            assertThat(meters.get(CommittedInputProgress.FAILURES).counter().count()).isZero();
            progress.stop();
        }
    }

    @Test
    void keepsWhatItKnewAndCountsTheFailureWhenTheClusterCannotBeRead() {
        CommittedInputProgress progress = new CommittedInputProgress(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000),
                topic, group, Duration.ofHours(1), Clock.fixed(READ_AT, ZoneOffset.UTC), meters);

        progress.check();

        assertThat(progress.caughtUpAt(0, READ_AT.toEpochMilli())).isEqualTo(-1);
        assertThat(meters.get(CommittedInputProgress.FAILURES).counter().count()).isEqualTo(1);
        progress.stop();
    }

    private CommittedInputProgress progress(Clock clock) {
        return new CommittedInputProgress(admin, topic, group, Duration.ofHours(1), clock, meters);
    }

    private void produce(int records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
            }
        }
    }

    private void commit(Admin client, long offset) throws Exception {
        client.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                .all().get();
    }
}
