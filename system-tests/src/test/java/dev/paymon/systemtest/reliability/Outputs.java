package dev.paymon.systemtest.reliability;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.systemtest.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Everything committed to the processor's four output topics ({@code read_committed}, from the beginning to the
 * end), decoded and kept for the given accounts; plus each topic's number of records of every account, which the
 * services' counters are compared with.
 */
record Outputs(List<Enriched> enriched, List<AlertRaised> alerts, List<AccountActivity> activity,
               List<DeadLettered> deadLettered, Totals totals) {

    /** A record of {@code payments.enriched.v1} and where it is. */
    record Enriched(int partition, long offset, PaymentEnriched event) {

        String paymentId() {
            return event.payment().paymentId();
        }
    }

    /**
     * A record of {@code payments.dlq.v1}: where it is, its key, the payment id of its original bytes (null when
     * they are no payment) and its error headers.
     */
    record DeadLettered(int partition, long offset, String key, String paymentId, DeadLetter headers) {

        /** Where the dead-lettered record was read: exactly-once means one dead letter per input record. */
        String source() {
            return headers.sourceTopic() + "-" + headers.sourcePartition() + "@" + headers.sourceOffset();
        }
    }

    /** Records of every account per topic. */
    record Totals(long enriched, long alerts, long activity, long deadLettered) {
    }

    static Outputs read(String bootstrap, Set<String> accounts) {
        Map<String, List<ConsumerRecord<String, byte[]>>> topics = readAll(bootstrap, List.of(
                Topics.PAYMENTS_ENRICHED.name(), Topics.FRAUD_ALERTS.name(), Topics.ACCOUNTS_ACTIVITY.name(),
                Topics.PAYMENTS_DLQ.name()));
        List<ConsumerRecord<String, byte[]>> enriched = topics.get(Topics.PAYMENTS_ENRICHED.name());
        List<ConsumerRecord<String, byte[]>> alerts = topics.get(Topics.FRAUD_ALERTS.name());
        List<ConsumerRecord<String, byte[]>> activity = topics.get(Topics.ACCOUNTS_ACTIVITY.name());
        List<ConsumerRecord<String, byte[]>> dlq = topics.get(Topics.PAYMENTS_DLQ.name());
        return new Outputs(
                enriched.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> new Enriched(r.partition(), r.offset(), EventJson.read(EventTypes.PAYMENT_ENRICHED,
                                r.value()))).toList(),
                alerts.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> EventJson.read(EventTypes.ALERT_RAISED, r.value())).toList(),
                activity.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> EventJson.read(EventTypes.ACCOUNT_ACTIVITY, r.value())).toList(),
                dlq.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> new DeadLettered(r.partition(), r.offset(), r.key(), paymentIdOf(r.value()),
                                DeadLetter.readFrom(r.headers()))).toList(),
                new Totals(enriched.size(), alerts.size(), activity.size(), dlq.size()));
    }

    /**
     * Every committed record of the topics, from the beginning to the end offsets at the start of the read: one
     * consumer for all (as {@code KafkaClients.readAll} reads one topic), since the checker reads them often.
     */
    static Map<String, List<ConsumerRecord<String, byte[]>>> readAll(String bootstrap, List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic,
                    Duration.ofSeconds(10)).stream().map(p -> new TopicPartition(topic, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
            topics.forEach(topic -> records.put(topic, new ArrayList<>()));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.get(record.topic()).add(record);
                    }
                }
            }
            return records;
        }
    }

    private static String paymentIdOf(byte[] original) {
        try {
            JsonNode id = Http.JSON.readTree(original).get("paymentId");
            return id == null ? null : id.asString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
