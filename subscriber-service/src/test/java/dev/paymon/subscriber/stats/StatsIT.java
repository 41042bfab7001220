package dev.paymon.subscriber.stats;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestClients.committed;
import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.TestEvents.alert;
import static dev.paymon.subscriber.TestEvents.payment;
import static dev.paymon.subscriber.deadletter.TestDeadLetters.deadLetter;
import static dev.paymon.subscriber.deadletter.TestDeadLetters.replayFrom;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AlertRaised;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Severity;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.Http;
import dev.paymon.subscriber.SubscriberDatabase;
import dev.paymon.subscriber.SubscriberIntegrationTest;
import dev.paymon.subscriber.deadletter.TestDeadLetters;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /api/v1/stats} on the real broker and PostgreSQL, with exact counts: the stats cover whole
 * tables, so this class has a fresh schema and its consumer groups start at the current end of the topics
 * that other test classes share, so that the tables hold exactly what it writes. Topics have one partition
 * here, so once a later record is stored, every earlier one has been handled. Closed after the class.
 */
class StatsIT extends SubscriberIntegrationTest {

    /**
     * The two records without dead-letter headers, which this service could not project: once each, also after the
     * replay below delivers them again.
     */
    private static final String TWO_UNDECODABLE = """
            "subscriberDeadLetters": {"total": 2, "byReason": {"UNDECODABLE": 2, "INVALID_EVENT": 0,
              "UNKNOWN_FX_RATE": 0, "LATE_EVENT": 0, "MISSING_EVENT_TIME": 0, "PROCESSING_ERROR": 0,
              "PAYMENT_ID_CONFLICT": 0}}""";

    private static final String GROUP = "paymon-subscriber-stats-" + UUID.randomUUID();
    private static final String SOURCE = Topics.PAYMENTS_INITIATED.name();
    private static final byte[] ORIGINAL = "{\"amount\": -1}".getBytes(UTF_8);
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY,
                Topics.PAYMENTS_DLQ);
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .schemas(database.schema()).defaultSchema(database.schema()).load().migrate();
        startAtTheEnd(GROUP, Topics.PAYMENTS_ENRICHED);
        startAtTheEnd(GROUP + ".alerts", Topics.FRAUD_ALERTS);
        startAtTheEnd(GROUP + ".activity", Topics.ACCOUNTS_ACTIVITY);
        startAtTheEnd(GROUP + ".dead-letters", Topics.PAYMENTS_DLQ);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        SubscriberDatabase.register(registry, database);
        registry.add("paymon.subscriber.stats.last-dead-letters", () -> "3");
    }

    @Test
    void countsWhatTheProjectionsStoredOnceEachAndTheNewestDeadLetters() {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched accepted1 = payment(id(), account, "10.00", "EUR", "10.00", List.of());
        PaymentEnriched accepted2 = payment(id(), account, "11.00", "EUR", "11.00", List.of());
        PaymentEnriched accepted3 = payment(id(), account, "12.00", "EUR", "12.00", List.of());
        PaymentEnriched flagged1 = payment(id(), account, "20000.00", "EUR", "20000.00", List.of("alert-1"));
        PaymentEnriched flagged2 = payment(id(), account, "9.00", "EUR", "9.00", List.of("alert-2", "alert-3"));
        PaymentEnriched aborted = payment(id(), account, "13.00", "EUR", "13.00", List.of());
        inTransaction(false, producer -> producer.send(enriched(aborted)));
        inTransaction(true, producer -> List.of(accepted1, flagged1, accepted2)
                .forEach(payment -> producer.send(enriched(payment))));
        inTransaction(true, producer -> List.of(accepted1, flagged2, accepted3)
                .forEach(payment -> producer.send(enriched(payment))));

        AlertRaised large = alert("alert-" + UUID.randomUUID(), account, FraudRule.LARGE_AMOUNT, Severity.HIGH, T0,
                "pay-1");
        AlertRaised velocity1 = alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.MEDIUM,
                T0.plusSeconds(1), "pay-2");
        AlertRaised velocity2 = alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.MEDIUM,
                T0.plusSeconds(2), "pay-3");
        committed(Topics.FRAUD_ALERTS, account, List.of(large, velocity1, velocity2, velocity1));

        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        DeadLetter invalid = new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate", "amount: must be positive",
                SOURCE, 0, 17);
        DeadLetter undecodable = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "not JSON", SOURCE, 1, 3);
        DeadLetter tombstone = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "no bytes", SOURCE, 1, 4);
        DeadLetter fxRate = new DeadLetter(DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no rate for XAU", SOURCE, 2,
                8);
        DeadLetter invalidLast = new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate", "currency: unknown",
                SOURCE, 0, 18);
        // Written out of time order: the newest are the latest written, not the latest in the topic.
        List<RecordMetadata> deadLetters = TestDeadLetters.inTransaction(true, List.of(
                deadLetter(account, ORIGINAL, invalid, at.plusSeconds(3)),
                deadLetter(account, ORIGINAL, undecodable, at.plusSeconds(1)),
                deadLetter(account, null, tombstone, at.plusSeconds(4)),
                deadLetter(account, ORIGINAL, fxRate, at.plusSeconds(2))));
        TestDeadLetters.inTransaction(false, List.of(deadLetter(account, ORIGINAL,
                new DeadLetter(DeadLetterReason.LATE_EVENT, "window", "late", SOURCE, 0, 19), at.plusSeconds(9))));
        sendRaw(Topics.PAYMENTS_DLQ.name(), account, ORIGINAL);
        sendRaw(Topics.PAYMENTS_DLQ.name(), account, null);
        RecordMetadata last = TestDeadLetters.inTransaction(true,
                List.of(deadLetter(account, ORIGINAL, invalidLast, at.plusSeconds(5)))).get(0);

        awaitPayment(accepted3.payment().paymentId());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/alerts?accountId=" + account).body().size() == 3);
        awaitDeadLetter(last.offset());
        assertThat(http().post("/api/v1/alerts/" + velocity2.alertId() + "/acknowledge").status()).isEqualTo(200);

        Http.Answer answer = http().get("/api/v1/stats");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        String paymentsAndAlerts = """
                "payments": {"total": 5, "accepted": 3, "flagged": 2, "late": 0},
                "alerts": {"total": 3, "open": 2,
                           "byRule": {"LARGE_AMOUNT": 1, "VELOCITY": 2, "IMPOSSIBLE_TRAVEL": 0, "DAILY_LIMIT": 0}}""";
        assertThat(answer.body()).isEqualTo(json("""
                {%s,
                 "deadLetters": {"total": 5,
                   "byReason": {"UNDECODABLE": 2, "INVALID_EVENT": 2, "UNKNOWN_FX_RATE": 1, "LATE_EVENT": 0,
                                "MISSING_EVENT_TIME": 0, "PROCESSING_ERROR": 0, "PAYMENT_ID_CONFLICT": 0},
                   "last": [%s, %s, %s]},
                 %s}
                """.formatted(paymentsAndAlerts, entry(invalidLast, at.plusSeconds(5)),
                entry(tombstone, at.plusSeconds(4)), entry(invalid, at.plusSeconds(3)), TWO_UNDECODABLE)));
        assertThat(answer.body().at("/alerts/byRule").propertyNames())
                .containsExactly("LARGE_AMOUNT", "VELOCITY", "IMPOSSIBLE_TRAVEL", "DAILY_LIMIT");

        // Read every dead letter of this class again, as after a reset of the projection's offsets.
        replayFrom(listeners, jdbc, GROUP, deadLetters.get(0).offset());
        DeadLetter failed = new DeadLetter(DeadLetterReason.PROCESSING_ERROR, "monitor", "java.lang.IllegalStateException",
                SOURCE, 3, 1);
        RecordMetadata afterReplay = TestDeadLetters.inTransaction(true,
                List.of(deadLetter(account, ORIGINAL, failed, at.plusSeconds(6)))).get(0);
        awaitDeadLetter(afterReplay.offset());

        assertThat(http().get("/api/v1/stats").body()).isEqualTo(json("""
                {%s,
                 "deadLetters": {"total": 6,
                   "byReason": {"UNDECODABLE": 2, "INVALID_EVENT": 2, "UNKNOWN_FX_RATE": 1, "LATE_EVENT": 0,
                                "MISSING_EVENT_TIME": 0, "PROCESSING_ERROR": 1, "PAYMENT_ID_CONFLICT": 0},
                   "last": [%s, %s, %s]},
                 %s}
                """.formatted(paymentsAndAlerts, entry(failed, at.plusSeconds(6)),
                entry(invalidLast, at.plusSeconds(5)), entry(tombstone, at.plusSeconds(4)), TWO_UNDECODABLE)));
    }

    /**
     * Stores offsets at the end of the topic for {@code group} in the database, where the projections go on
     * from, as if everything before had been projected already.
     */
    private static void startAtTheEnd(String group, Topic<?> topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic.name())).allTopicNames().get()
                    .get(topic.name()).partitions().stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
            JdbcClient schema = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(),
                    database.password()));
            ends.forEach((partition, end) -> schema.sql("""
                    INSERT INTO consumer_offsets (consumer_group, topic, "partition", next_offset) VALUES (?, ?, ?, ?)""")
                    .params(group, partition.topic(), partition.partition(), end.offset()).update());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String entry(DeadLetter deadLetter, Instant deadLetteredAt) {
        return """
                {"reason": "%s", "stage": "%s", "detail": "%s", "sourceTopic": "%s", "sourcePartition": %d,
                 "sourceOffset": %d, "deadLetteredAt": "%s"}""".formatted(deadLetter.reason(), deadLetter.stage(),
                deadLetter.detail(), deadLetter.sourceTopic(), deadLetter.sourcePartition(), deadLetter.sourceOffset(),
                deadLetteredAt);
    }

    private void awaitPayment(String paymentId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/payments/" + paymentId).status() == 200);
    }

    private void awaitDeadLetter(long dlqOffset) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM dead_letters WHERE dlq_partition = 0 AND dlq_offset = ?")
                .param(dlqOffset).query(Integer.class).single() == 1);
    }

    private Http http() {
        return new Http(port);
    }

    private static String id() {
        return "pay-" + UUID.randomUUID();
    }
}
