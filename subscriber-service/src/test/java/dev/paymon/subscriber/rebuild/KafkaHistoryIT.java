package dev.paymon.subscriber.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

/** On the real broker: a topic whose oldest records were deleted is reported, a whole or missing one is not. */
class KafkaHistoryIT {

    private final KafkaHistory history = new KafkaHistory(new KafkaAdmin(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers())));

    @Test
    void reportsThePartitionsWhoseFirstRecordsAreGone() throws Exception {
        String whole = "history-whole-" + UUID.randomUUID();
        String truncated = "history-truncated-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(whole, 2, (short) 1), new NewTopic(truncated, 2, (short) 1)))
                    .all().get();
            write(whole, 3);
            write(truncated, 3);
            admin.deleteRecords(Map.of(new TopicPartition(truncated, 1), RecordsToDelete.beforeOffset(2)))
                    .all().get();
        }

        assertThat(history.truncated(List.of(whole, truncated, "history-missing-" + UUID.randomUUID())))
                .containsExactly(new TruncatedPartition(truncated, 1, 2));
    }

    /** Writes {@code count} records to each of the topic's two partitions. */
    private static void write(String topic, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < count; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, "key", "value-" + i)).get();
                }
            }
        }
    }
}
