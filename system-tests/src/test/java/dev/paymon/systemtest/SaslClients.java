package dev.paymon.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients that log in to a SASL broker, for what the services' HTTP APIs cannot show. */
final class SaslClients {

    private SaslClients() {
    }

    /** Client settings of a SCRAM-SHA-512 user, as the services get them in compose. */
    static Map<String, Object> scram(String bootstrap, String user, String password) {
        return Map.of("bootstrap.servers", bootstrap,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas(user, password),
                "request.timeout.ms", 5000,
                "default.api.timeout.ms", 10000);
    }

    /** The {@code sasl.jaas.config} of a SCRAM user. */
    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Whether these settings log in: the cluster id comes back. Failures surface as the admin's exception. */
    static boolean authenticates(Map<String, Object> client) throws ExecutionException, InterruptedException,
            TimeoutException {
        try (Admin admin = Admin.create(client)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS) != null;
        }
    }

    /** A producer of raw values; the caller closes it. */
    static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("max.block.ms", 10000);
        config.put("delivery.timeout.ms", 15000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer without group (partitions are assigned by hand); the caller closes it. */
    static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static void send(Map<String, Object> client, String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(client)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(15, TimeUnit.SECONDS);
        }
    }

    /** Every committed record of a topic, from its beginning to its current end. */
    static List<ConsumerRecord<String, byte[]>> readAll(Map<String, Object> client, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(client)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
