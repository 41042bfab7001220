package dev.paymon.subscriber.projection.deadletter;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code subscriber.dlq.v1} for {@link DeadLetterPublisher}: a partition's end offset, and whether a record of a given
 * source is in a partition from an offset on. One consumer without a group, made on first use with the service's
 * consumer settings (servers, security); callers take turns.
 */
final class DeadLetterTopic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> settings;
    private KafkaConsumer<byte[], byte[]> consumer;

    DeadLetterTopic(Map<String, Object> consumerSettings) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The subscriber's dead letters are written without transactions.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.settings = settings;
    }

    synchronized long endOffset(int partition) {
        TopicPartition topicPartition = new TopicPartition(Topics.SUBSCRIBER_DLQ.name(), partition);
        return consumer().endOffsets(List.of(topicPartition), TIMEOUT).get(topicPartition);
    }

    /** Whether the partition holds, at or after {@code from}, a dead letter of the record at that place. */
    synchronized boolean holds(int partition, long from, String topic, int sourcePartition, long sourceOffset) {
        TopicPartition topicPartition = new TopicPartition(Topics.SUBSCRIBER_DLQ.name(), partition);
        KafkaConsumer<byte[], byte[]> reader = consumer();
        long end = reader.endOffsets(List.of(topicPartition), TIMEOUT).get(topicPartition);
        reader.assign(List.of(topicPartition));
        reader.seek(topicPartition, from);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (reader.position(topicPartition) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topicPartition + " up to " + end + " in " + TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                if (record.headers().lastHeader(HeaderNames.DLQ_REASON) != null) {
                    DeadLetter deadLetter = DeadLetter.readFrom(record.headers());
                    if (deadLetter.sourceTopic().equals(topic) && deadLetter.sourcePartition() == sourcePartition
                            && deadLetter.sourceOffset() == sourceOffset) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(settings);
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
