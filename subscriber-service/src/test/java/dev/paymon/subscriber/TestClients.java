package dev.paymon.subscriber;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: write input records as the processor does, read the DLQ. */
public final class TestClients {

    private TestClients() {
    }

    /** Runs {@code sends} in one Kafka transaction with the real event serializer; commits or aborts it. */
    public static void inTransaction(boolean commit, Consumer<KafkaProducer<String, PaymentEnriched>> sends) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-it-" + UUID.randomUUID());
        try (KafkaProducer<String, PaymentEnriched> producer = new KafkaProducer<>(config, new StringSerializer(),
                Topics.PAYMENTS_ENRICHED.valueSerde("/paymon/processor").serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            sends.accept(producer);
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    /** Writes {@code values} to {@code topic} in one committed Kafka transaction with the real event serializer. */
    public static <V> void committed(Topic<V> topic, String key, List<V> values) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-it-" + UUID.randomUUID());
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(),
                topic.valueSerde("/paymon/processor").serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            values.forEach(value -> producer.send(new ProducerRecord<>(topic.name(), key, value)));
            producer.commitTransaction();
        }
    }

    /**
     * Writes raw values (events serialized as the processor does, poison bytes, tombstones for {@code null}) to
     * {@code topic} in one committed Kafka transaction, so that a consumer fetches them together; answers where each
     * landed.
     */
    public static List<RecordMetadata> rawInTransaction(String topic, String key, List<byte[]> values) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-it-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            values.forEach(value -> sent.add(producer.send(new ProducerRecord<>(topic, key, value))));
            producer.commitTransaction();
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> future : sent) {
                landed.add(future.get());
            }
            return landed;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The event's bytes as the processor writes them. */
    public static byte[] bytesOf(PaymentEnriched event) {
        return Topics.PAYMENTS_ENRICHED.valueSerde("/paymon/processor").serializer()
                .serialize(Topics.PAYMENTS_ENRICHED.name(), event);
    }

    public static ProducerRecord<String, PaymentEnriched> enriched(PaymentEnriched event) {
        return new ProducerRecord<>(Topics.PAYMENTS_ENRICHED.name(), event.payment().accountId(), event);
    }

    /** Writes raw bytes (or a tombstone for {@code null}) outside any transaction; answers where they landed. */
    public static RecordMetadata sendRaw(String topic, String key, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record now on the topic with the given key, from the start of all its partitions. */
    public static List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }
}
