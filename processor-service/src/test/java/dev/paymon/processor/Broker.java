package dev.paymon.processor;

import static org.awaitility.Awaitility.await;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients on the test broker: writes records as the publisher does, reads them as a
 * downstream consumer must ({@code read_committed}).
 */
final class Broker implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PUBLISHER = "/paymon/publisher";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    /** Sends an event as the publisher does: JSON value and CloudEvents headers. */
    <V> RecordMetadata send(Topic<V> topic, String key, V event) {
        Headers headers = new RecordHeaders();
        byte[] value = topic.valueSerde(PUBLISHER).serializer().serialize(topic.name(), headers, event);
        return send(new ProducerRecord<>(topic.name(), null, key, value, headers));
    }

    /** Sends an event as the publisher does, in the trace of a W3C {@code traceparent}. */
    <V> RecordMetadata send(Topic<V> topic, String key, V event, String traceparent) {
        Headers headers = new RecordHeaders();
        byte[] value = topic.valueSerde(PUBLISHER).serializer().serialize(topic.name(), headers, event);
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        return send(new ProducerRecord<>(topic.name(), null, key, value, headers));
    }

    RecordMetadata send(Topic<?> topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic.name(), key, value));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Every committed record of the topic, once there are at least {@code atLeast} and the end is reached. */
    static <V> List<ConsumerRecord<String, V>> readCommitted(Topic<?> topic, Deserializer<V> values, int atLeast) {
        return read(topic, values, atLeast, "read_committed");
    }

    /**
     * Every record of the topic read with the {@code isolation.level} given ({@code read_committed} or
     * {@code read_uncommitted}), once there are at least {@code atLeast} and the end is reached.
     */
    static <V> List<ConsumerRecord<String, V>> read(Topic<?> topic, Deserializer<V> values, int atLeast,
                                                    String isolation) {
        return read(topic, values, atLeast, isolation, record -> true);
    }

    /**
     * The committed dead-letter records of one source topic, once there are at least {@code atLeast} and the end is
     * reached (one consumer reading on: on a busy machine a new consumer per look costs seconds each time).
     */
    static List<ConsumerRecord<String, byte[]>> deadLettersFrom(Topic<?> source, int atLeast) {
        return read(Topics.PAYMENTS_DLQ, new ByteArrayDeserializer(), atLeast, "read_committed",
                record -> DeadLetter.readFrom(record.headers()).sourceTopic().equals(source.name()));
    }

    private static <V> List<ConsumerRecord<String, V>> read(Topic<?> topic, Deserializer<V> values, int atLeast,
                                                            String isolation,
                                                            Predicate<ConsumerRecord<String, V>> wanted) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            await().atMost(PATIENCE).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        records.add(record);
                    }
                });
                return records.size() >= atLeast && caughtUp(consumer, partitions);
            });
            return records;
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }
}
