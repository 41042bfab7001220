package dev.paymon.systemtest.reliability;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Topics;
import dev.paymon.systemtest.Http;
import java.math.BigDecimal;
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
 * Everything committed to the processor's four output topics and to the subscriber's dead-letter topic
 * ({@code read_committed}, from the given offsets, or the beginning, to the end), decoded and kept for the given
 * accounts; plus each of the processor's topics' number of records of every account in that range, which the services'
 * counters are compared with.
 *
 * @param subscriberDeadLettered records of {@code subscriber.dlq.v1}: what the subscriber could not project
 */
record Outputs(List<Enriched> enriched, List<AlertRaised> alerts, List<AccountActivity> activity,
               List<DeadLettered> deadLettered, List<DeadLettered> subscriberDeadLettered, Totals totals) {

    static final List<String> TOPICS = List.of(Topics.PAYMENTS_ENRICHED.name(), Topics.FRAUD_ALERTS.name(),
            Topics.ACCOUNTS_ACTIVITY.name(), Topics.PAYMENTS_DLQ.name(), Topics.SUBSCRIBER_DLQ.name());

    /** A record of {@code payments.enriched.v1} and where it is. */
    record Enriched(int partition, long offset, Payment event) {

        String paymentId() {
            return event.paymentId();
        }
    }

    /** What the checker reads of an enriched payment: as little as it needs, as a run may have many. */
    record Payment(String paymentId, String accountId, BigDecimal amountBase, PaymentStatus status,
                   List<String> alertIds, RiskTier riskTier, boolean late) {

        static Payment of(PaymentEnriched event) {
            return new Payment(event.payment().paymentId(), event.payment().accountId(), event.amountBase(),
                    event.status(), event.alertIds(), event.riskTier(), event.late());
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
        return read(bootstrap, accounts, Map.of());
    }

    /** @param from where to start in each partition (the beginning for partitions not named) */
    static Outputs read(String bootstrap, Set<String> accounts, Map<TopicPartition, Long> from) {
        Map<String, List<ConsumerRecord<String, byte[]>>> topics = readAll(bootstrap, TOPICS, from);
        List<ConsumerRecord<String, byte[]>> enriched = topics.get(Topics.PAYMENTS_ENRICHED.name());
        List<ConsumerRecord<String, byte[]>> alerts = topics.get(Topics.FRAUD_ALERTS.name());
        List<ConsumerRecord<String, byte[]>> activity = topics.get(Topics.ACCOUNTS_ACTIVITY.name());
        List<ConsumerRecord<String, byte[]>> dlq = topics.get(Topics.PAYMENTS_DLQ.name());
        return new Outputs(
                enriched.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> new Enriched(r.partition(), r.offset(), Payment.of(EventJson.read(
                                EventTypes.PAYMENT_ENRICHED, r.value())))).toList(),
                alerts.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> EventJson.read(EventTypes.ALERT_RAISED, r.value())).toList(),
                activity.stream().filter(r -> accounts.contains(r.key()))
                        .map(r -> EventJson.read(EventTypes.ACCOUNT_ACTIVITY, r.value())).toList(),
                deadLettered(dlq, accounts),
                deadLettered(topics.get(Topics.SUBSCRIBER_DLQ.name()), accounts),
                new Totals(enriched.size(), alerts.size(), activity.size(), dlq.size()));
    }

    /** The end offsets of every partition of the topics read: where the next run's reading starts. */
    static Map<TopicPartition, Long> ends(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            return consumer.endOffsets(partitions(consumer, TOPICS));
        }
    }

    private static List<DeadLettered> deadLettered(List<ConsumerRecord<String, byte[]>> records, Set<String> accounts) {
        return records.stream().filter(r -> accounts.contains(r.key()))
                .map(r -> new DeadLettered(r.partition(), r.offset(), r.key(), paymentIdOf(r.value()),
                        DeadLetter.readFrom(r.headers()))).toList();
    }

    /**
     * Every committed record of the topics, from the beginning to the end offsets at the start of the read: one
     * consumer for all (as {@code KafkaClients.readAll} reads one topic), since the checker reads them often.
     */
    static Map<String, List<ConsumerRecord<String, byte[]>>> readAll(String bootstrap, List<String> topics,
                                                                     Map<TopicPartition, Long> from) {
        return readAll(bootstrap, topics, from, null);
    }

    /**
     * Like {@link #readAll(String, List, Map)}, but only the records below {@code until} on each partition (0 for a
     * partition it does not name), e.g. what a projection had applied by its stored offsets.
     */
    static Map<String, List<ConsumerRecord<String, byte[]>>> readUntil(String bootstrap, List<String> topics,
                                                                       Map<TopicPartition, Long> until) {
        return readAll(bootstrap, topics, Map.of(), until);
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> readAll(String bootstrap, List<String> topics,
                                                                             Map<TopicPartition, Long> from,
                                                                             Map<TopicPartition, Long> until) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.stream().filter(from::containsKey).forEach(p -> consumer.seek(p, from.get(p)));
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            if (until != null) {
                end.replaceAll((partition, last) -> Math.min(last, until.getOrDefault(partition, 0L)));
            }
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

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        return topics.stream().flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))).toList();
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
