package dev.paymon.subscriber.deadletter;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Dead-letter records on {@code payments.dlq.v1} as the processor writes them, and a replay of them. */
public final class TestDeadLetters {

    private TestDeadLetters() {
    }

    /** The original key and bytes ({@code null} for a dead-lettered tombstone) with the dead-letter headers. */
    public static ProducerRecord<String, byte[]> deadLetter(String key, byte[] original, DeadLetter deadLetter,
                                                            Instant deadLetteredAt) {
        RecordHeaders headers = new RecordHeaders();
        deadLetter.writeTo(headers);
        return new ProducerRecord<>(Topics.PAYMENTS_DLQ.name(), null, deadLetteredAt.toEpochMilli(), key, original,
                headers);
    }

    /**
     * Writes the records in one Kafka transaction, as the processor's exactly-once topology does, and
     * commits or aborts it; answers where they landed.
     */
    public static List<RecordMetadata> inTransaction(boolean commit, List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-it-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            List<RecordMetadata> written = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                written.add(producer.send(record).get());
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
            return written;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the dead-letter projection of {@code group} (the service's group) read partition 0 of
     * {@code payments.dlq.v1} again from {@code offset}, as if its stored offset were older than its rows
     * (e.g. offsets reset by hand): the listener is stopped, the stored offset set back, and the listener
     * started, so that it seeks there on assignment.
     */
    public static void replayFrom(KafkaListenerEndpointRegistry listeners, JdbcClient jdbc, String group, long offset) {
        MessageListenerContainer container = listeners.getListenerContainer("dead-letters");
        container.stop();
        int updated = jdbc.sql("""
                        UPDATE consumer_offsets SET next_offset = ?
                        WHERE consumer_group = ? AND topic = ? AND "partition" = 0""")
                .params(offset, group + ".dead-letters", Topics.PAYMENTS_DLQ.name()).update();
        if (updated != 1) {
            throw new IllegalStateException("no stored offset of the dead-letter projection of " + group);
        }
        container.start();
    }
}
