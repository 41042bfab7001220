package dev.paymon.subscriber;

import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestClients.recordsWithKey;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.TestEvents.payment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A crash between the two commits, for real: the subscriber committed its batches to PostgreSQL, but
 * Kafka's committed offsets of its group are back at the start of the topic, as if the offset commit
 * had never happened. Restarted, it must go on from the offsets in the database: nothing stored,
 * counted or dead-lettered twice, nothing missed. The context is closed after this class, so its
 * consumer group stops reading the shared topic.
 *
 * <p>{@code payments.enriched.v1} has one partition here; the tests run one after the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class RestartAfterDatabaseCommitIT {

    private static final String GROUP = "paymon-subscriber-restart-" + UUID.randomUUID();
    private static final TopicPartition PARTITION = new TopicPartition(Topics.PAYMENTS_ENRICHED.name(), 0);

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApiKeys.register(registry);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        SubscriberDatabase.register(registry, database);
        registry.add("paymon.topics.partitions", () -> "1");
        registry.add("paymon.subscriber.retry.processing.interval", () -> "100ms");
    }

    @Test
    void goesOnFromTheDatabaseOffsetsWhenKafkaNeverGotTheOffsetCommit() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched first = payment(id(), account, "1.00", "EUR", "1.00", List.of());
        PaymentEnriched second = payment(id(), account, "2.00", "EUR", "2.00", List.of("alert-1"));
        PaymentEnriched last = payment(id(), account, "3.00", "EUR", "3.00", List.of());
        inTransaction(true, producer -> {
            producer.send(enriched(first));
            producer.send(enriched(second));
        });
        RecordMetadata poison = sendRaw(PARTITION.topic(), account, "{not json".getBytes(UTF_8));
        inTransaction(true, producer -> producer.send(enriched(last)));
        awaitStored(last);
        MessageListenerContainer container = listeners.getListenerContainer("payments");
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        long storedOffset = storedNextOffset();
        assertThat(storedOffset).isGreaterThan(poison.offset() + 1);

        rewindKafkaOffsetsToTheStart();
        double storedBefore = count("paymon.subscriber.payments.stored");
        double duplicatesBefore = count("paymon.subscriber.payments.duplicates");
        double deadLettersBefore = count("paymon.subscriber.dead.letters");
        PaymentEnriched afterRestart = payment(id(), account, "4.00", "EUR", "4.00", List.of());
        inTransaction(true, producer -> producer.send(enriched(afterRestart)));
        container.start();

        awaitStored(afterRestart);
        assertThat(List.of(count("paymon.subscriber.payments.stored") - storedBefore,
                count("paymon.subscriber.payments.duplicates") - duplicatesBefore,
                count("paymon.subscriber.dead.letters") - deadLettersBefore)).containsExactly(1.0, 0.0, 0.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments WHERE account_id = ?").param(account)
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account)).hasSize(1);
        assertThat(storedNextOffset()).isGreaterThan(storedOffset);
    }

    @Test
    void storesTheOffsetOfARecordTheErrorHandlerDeadLettersSoThatARestartDoesNotDeadLetterItAgain() {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched rejected = payment(id(), account, "6.66", "EUR", "6.66", List.of());
        // A record that decodes but that the database refuses for good: a processing error.
        jdbc.sql("ALTER TABLE payments ADD CONSTRAINT no_sixes CHECK (amount <> 6.66)").update();
        try {
            RecordMetadata sent = sendRaw(PARTITION.topic(), account,
                    EventJson.write(EventTypes.PAYMENT_ENRICHED, rejected));

            List<DeadLetter> deadLetters = await().atMost(Duration.ofSeconds(30))
                    .until(() -> recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account), records -> records.size() == 1)
                    .stream().map(record -> DeadLetter.readFrom(record.headers())).toList();
            assertThat(deadLetters).extracting(DeadLetter::reason, DeadLetter::sourceOffset)
                    .containsExactly(tuple(DeadLetterReason.PROCESSING_ERROR, sent.offset()));
            await().atMost(Duration.ofSeconds(30)).until(() -> storedNextOffset() == sent.offset() + 1);
        } finally {
            jdbc.sql("ALTER TABLE payments DROP CONSTRAINT no_sixes").update();
        }
    }

    @Test
    void storesTheRecordsAroundOneTheDatabaseRefusesInTheSameBatchAndCountsEachOnceInTheSummary() {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched before = payment(id(), account, "1.00", "EUR", "1.00", List.of());
        PaymentEnriched rejected = payment(id(), account, "6.66", "EUR", "6.66", List.of());
        PaymentEnriched after = payment(id(), account, "2.00", "EUR", "2.00", List.of());
        // The batched write of the poll fails on the refused row: it is rolled back and applied record by record.
        jdbc.sql("ALTER TABLE payments ADD CONSTRAINT no_sixes CHECK (amount <> 6.66)").update();
        try {
            inTransaction(true, producer -> List.of(before, rejected, after)
                    .forEach(payment -> producer.send(enriched(payment))));

            awaitStored(after);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account), records -> records.size() == 1);
        } finally {
            jdbc.sql("ALTER TABLE payments DROP CONSTRAINT no_sixes").update();
        }
        assertThat(jdbc.sql("SELECT payment_count, total_base FROM account_summaries WHERE account_id = ?")
                .param(account).query((rs, row) -> List.of(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .single()).containsExactly(2L, new BigDecimal("3"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stream_events WHERE account_id = ?").param(account)
                .query(Integer.class).single()).isEqualTo(2);
    }

    /** What a lost offset commit leaves behind: the group's Kafka offset at 0, the database's at N. */
    private static void rewindKafkaOffsetsToTheStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            // The group must be empty; its member may take a moment to leave.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(0))).all().get();
                return true;
            });
            assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                    .get(PARTITION).offset()).isZero();
        }
    }

    private long storedNextOffset() {
        return jdbc.sql("SELECT next_offset FROM consumer_offsets WHERE consumer_group = ? AND topic = ?")
                .params(GROUP, PARTITION.topic()).query(Long.class).single();
    }

    private double count(String metric) {
        return meters.find(metric).counters().stream().mapToDouble(Counter::count).sum();
    }

    private void awaitStored(PaymentEnriched payment) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM payments WHERE payment_id = ?")
                .param(payment.payment().paymentId()).query(Integer.class).single() == 1);
    }

    private static String id() {
        return "pay-" + UUID.randomUUID();
    }
}
