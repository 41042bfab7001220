package dev.paymon.subscriber.deadletter;

import static dev.paymon.subscriber.TestClients.recordsWithKey;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.deadletter.TestDeadLetters.deadLetter;
import static dev.paymon.subscriber.deadletter.TestDeadLetters.inTransaction;
import static dev.paymon.subscriber.deadletter.TestDeadLetters.replayFrom;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.SubscriberDatabase;
import dev.paymon.subscriber.SubscriberIntegrationTest;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dead-letter projection on the real broker and PostgreSQL: records written to {@code payments.dlq.v1}
 * as the processor writes them (transactional, original bytes, {@link DeadLetter} headers) are stored once
 * each; records that are no dead letters go to {@code subscriber.dlq.v1}. The topic has one partition here,
 * so once a later record is stored, every earlier one has been handled. Its own consumer group, closed
 * after the class.
 */
class DeadLetterProjectionIT extends SubscriberIntegrationTest {

    private static final String GROUP = "paymon-subscriber-dead-letters-" + UUID.randomUUID();
    private static final String SOURCE = Topics.PAYMENTS_INITIATED.name();
    private static final byte[] ORIGINAL = "{\"amount\": -1}".getBytes(UTF_8);

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadLetterRepository deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_DLQ, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS,
                Topics.ACCOUNTS_ACTIVITY);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        SubscriberDatabase.register(registry, database);
    }

    @Test
    void storesEachCommittedDeadLetterWithItsReasonAndCoordinatesIncludingADeadLetteredTombstone() {
        String key = "acc-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeadLetter undecodable = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "not JSON", SOURCE, 3, 41);
        DeadLetter invalid = new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate", "amount: must be positive",
                SOURCE, 3, 42);
        DeadLetter tombstone = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "no bytes", SOURCE, 3, 43);
        DeadLetter aborted = new DeadLetter(DeadLetterReason.LATE_EVENT, "window", "late", SOURCE, 3, 40);

        inTransaction(false, List.of(deadLetter(key, ORIGINAL, aborted, at)));
        List<RecordMetadata> written = inTransaction(true, List.of(
                deadLetter(key, "{not json".getBytes(UTF_8), undecodable, at),
                deadLetter(key, ORIGINAL, invalid, at.plusMillis(1)),
                deadLetter(key, null, tombstone, at.plusMillis(2))));

        await().atMost(Duration.ofSeconds(30)).until(() -> storedWithKey(key).size() >= 3);
        assertThat(storedWithKey(key)).containsExactly(
                new StoredDeadLetter(0, written.get(0).offset(), key, at, undecodable),
                new StoredDeadLetter(0, written.get(1).offset(), key, at.plusMillis(1), invalid),
                new StoredDeadLetter(0, written.get(2).offset(), key, at.plusMillis(2), tombstone));
    }

    @Test
    void sendsRecordsWithoutDeadLetterHeadersToTheSubscriberDlqAndKeepsConsumingThePartition() {
        String key = "acc-" + UUID.randomUUID();
        DeadLetter valid = new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate", "currency: unknown", SOURCE, 1, 9);
        String dlq = Topics.PAYMENTS_DLQ.name();

        RecordMetadata withoutHeaders = sendRaw(dlq, key, ORIGINAL);
        RecordMetadata tombstone = sendRaw(dlq, key, null);
        RecordMetadata after = inTransaction(true, List.of(deadLetter(key, ORIGINAL, valid, Instant.now()))).get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> !storedWithKey(key).isEmpty());
        assertThat(storedWithKey(key)).extracting(StoredDeadLetter::dlqOffset).containsExactly(after.offset());
        // Other test contexts (each with a database of its own) read the topic too and dead-letter the same records:
        // one record per source offset is this test's to look at.
        List<ConsumerRecord<String, byte[]>> rejected = await().atMost(Duration.ofSeconds(30))
                .until(() -> firstPerSource(recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), key)),
                        records -> records.size() >= 2);
        assertThat(rejected).extracting(ConsumerRecord::value).containsExactly(ORIGINAL, null);
        String detail = "no readable dead-letter headers: not a dead-letter record: no dlq_reason header";
        assertThat(rejected).extracting(record -> DeadLetter.readFrom(record.headers())).containsExactly(
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", detail, dlq, 0, withoutHeaders.offset()),
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", detail, dlq, 0, tombstone.offset()));
        // The records had no headers: the dead letters carry the documented ones only (no Spring ones, no stack trace).
        assertThat(rejected).allSatisfy(record -> assertThat(record.headers()).extracting(Header::key)
                .containsExactlyInAnyOrder(HeaderNames.DLQ_REASON, HeaderNames.DLQ_STAGE, HeaderNames.DLQ_DETAIL,
                        HeaderNames.DLQ_SOURCE_TOPIC, HeaderNames.DLQ_SOURCE_PARTITION, HeaderNames.DLQ_SOURCE_OFFSET));
    }

    @Test
    void storesADeadLetterDeliveredAgainOnceAndCountsItAsADuplicate() {
        String key = "acc-" + UUID.randomUUID();
        DeadLetter fxRate = new DeadLetter(DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no rate for XAU", SOURCE, 2,
                5);
        // The counters are global: let the consumer first catch up with every record written before.
        RecordMetadata barrier = inTransaction(true, List.of(deadLetter("acc-" + UUID.randomUUID(), ORIGINAL, fxRate,
                Instant.now()))).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.find(0, barrier.offset()).isPresent());
        double storedBefore = counter("stored");
        double duplicatesBefore = counter("duplicates");

        List<RecordMetadata> first = inTransaction(true, List.of(deadLetter(key, ORIGINAL, fxRate, Instant.now()),
                deadLetter(key, ORIGINAL, fxRate, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedWithKey(key).size() >= 2);
        replayFrom(listeners, jdbc, GROUP, first.get(0).offset());
        RecordMetadata later = inTransaction(true, List.of(deadLetter(key, ORIGINAL, fxRate, Instant.now()))).get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.find(0, later.offset()).isPresent());
        assertThat(storedWithKey(key)).extracting(StoredDeadLetter::dlqOffset)
                .containsExactly(first.get(0).offset(), first.get(1).offset(), later.offset());
        assertThat(List.of(counter("stored") - storedBefore, counter("duplicates") - duplicatesBefore))
                .containsExactly(3.0, 2.0);
    }

    private List<StoredDeadLetter> storedWithKey(String key) {
        return jdbc.sql("SELECT dlq_offset FROM dead_letters WHERE dlq_partition = 0 AND record_key = ? "
                        + "ORDER BY dlq_offset")
                .param(key).query(Long.class).list().stream()
                .map(offset -> deadLetters.find(0, offset).orElseThrow())
                .toList();
    }

    private double counter(String name) {
        return meters.counter("paymon.subscriber.processor-dead-letters." + name).count();
    }

    /** The first dead letter of each source record, in source order. */
    private static List<ConsumerRecord<String, byte[]>> firstPerSource(List<ConsumerRecord<String, byte[]>> records) {
        Map<Long, ConsumerRecord<String, byte[]>> first = new TreeMap<>();
        records.forEach(record -> first.putIfAbsent(DeadLetter.readFrom(record.headers()).sourceOffset(), record));
        return List.copyOf(first.values());
    }

}
