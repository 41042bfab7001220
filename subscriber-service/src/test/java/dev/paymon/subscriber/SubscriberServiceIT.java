package dev.paymon.subscriber;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestClients.bytesOf;
import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestClients.rawInTransaction;
import static dev.paymon.subscriber.TestClients.recordsWithKey;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.TestEvents.payment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service on the real broker and PostgreSQL: records written as the processor writes them
 * (transactional, with the real event serializer) are read back over HTTP; poison records land in
 * {@code subscriber.dlq.v1} without blocking their partition.
 *
 * <p>{@code payments.enriched.v1} has one partition here, so records sent later are consumed later:
 * once a later record is stored, every earlier one has been handled.
 */
class SubscriberServiceIT extends SubscriberIntegrationTest {

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
        // A statement waiting for a lock fails fast, so a held lock is a transient database error.
        registry.add("spring.datasource.hikari.connection-init-sql", () -> "SET lock_timeout = '200ms'");
        registry.add("paymon.subscriber.retry.database.initial-interval", () -> "100ms");
        registry.add("paymon.subscriber.retry.database.max-interval", () -> "300ms");
    }

    @Test
    void servesCommittedPaymentsAsJsonAndNeverOneFromAnAbortedTransaction() {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched flagged = payment(id(), account, "12.5", "EUR", "12.5", List.of("alert-2", "alert-1"));
        PaymentEnriched aborted = payment(id(), account, "20.00", "EUR", "20.00", List.of());
        PaymentEnriched accepted = payment(id(), account, "100", "USD", "91.3456", List.of());

        inTransaction(false, producer -> producer.send(enriched(aborted)));
        inTransaction(true, producer -> {
            producer.send(enriched(flagged));
            producer.send(enriched(accepted));
        });

        awaitStored(accepted.payment().paymentId());
        Http.Answer answer = http().get("/api/v1/payments/" + flagged.payment().paymentId());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo(json("""
                {"paymentId": "%s", "accountId": "%s", "amount": "12.50", "currency": "EUR",
                 "amountBase": "12.50", "baseCurrency": "EUR", "status": "FLAGGED", "alertIds": ["alert-2", "alert-1"],
                 "occurredAt": "2026-03-01T10:15:30Z", "processedAt": "2026-03-01T10:15:31.250Z", "late": false}
                """.formatted(flagged.payment().paymentId(), account)));
        assertThat(http().get("/api/v1/payments/" + accepted.payment().paymentId()).body()).isEqualTo(json("""
                {"paymentId": "%s", "accountId": "%s", "amount": "100.00", "currency": "USD",
                 "amountBase": "91.3456", "baseCurrency": "EUR", "status": "ACCEPTED", "alertIds": [],
                 "occurredAt": "2026-03-01T10:15:30Z", "processedAt": "2026-03-01T10:15:31.250Z", "late": false}
                """.formatted(accepted.payment().paymentId(), account)));
        assertThat(http().get("/api/v1/payments/" + aborted.payment().paymentId()).status()).isEqualTo(404);
    }

    @Test
    void storesAPaymentDeliveredTwiceOnceAndCountsTheDuplicate() {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched twice = payment(id(), account, "10.00", "EUR", "10.00", List.of());
        PaymentEnriched later = payment(id(), account, "1.00", "EUR", "1.00", List.of());
        // The counters are global: let the consumer first catch up with every record written before
        // (e.g. by other test classes on the shared topic), so the deltas count only this test's records.
        PaymentEnriched barrier = payment(id(), account, "2.00", "EUR", "2.00", List.of());
        inTransaction(true, producer -> producer.send(enriched(barrier)));
        awaitStored(barrier.payment().paymentId());
        double storedBefore = meters.counter("paymon.subscriber.payments.stored").count();
        double duplicatesBefore = meters.counter("paymon.subscriber.payments.duplicates").count();

        inTransaction(true, producer -> producer.send(enriched(twice)));
        inTransaction(true, producer -> {
            producer.send(enriched(twice));
            producer.send(enriched(later));
        });

        awaitStored(later.payment().paymentId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments WHERE payment_id = ?")
                .param(twice.payment().paymentId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(List.of(meters.counter("paymon.subscriber.payments.stored").count() - storedBefore,
                meters.counter("paymon.subscriber.payments.duplicates").count() - duplicatesBefore))
                .containsExactly(2.0, 1.0);
    }

    @Test
    void answersAnUnknownPaymentWithANotFoundProblem() {
        Http.Answer answer = http().get("/api/v1/payments/no-such-payment");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).isEqualTo(json("""
                {"type": "https://paymon.dev/problems/not-found", "title": "Payment not found", "status": 404,
                 "detail": "No payment with id 'no-such-payment'.", "instance": "/api/v1/payments/no-such-payment"}
                """));
    }

    @Test
    void deadLettersPoisonRecordsWithTheirReasonAndKeepsConsumingThePartition() {
        String account = "acc-" + UUID.randomUUID();
        byte[] notJson = "{not json".getBytes(UTF_8);
        PaymentEnriched decodable = payment(id(), account, "5.00", "EUR", "5.00", List.of());
        byte[] negativeBase = withField(decodable, "amountBase", "-5.00");
        String topic = Topics.PAYMENTS_ENRICHED.name();
        RecordMetadata undecodable = sendRaw(topic, account, notJson);
        RecordMetadata invalid = sendRaw(topic, account, negativeBase);
        RecordMetadata tombstone = sendRaw(topic, account, null);
        PaymentEnriched valid = payment(id(), account, "3.00", "EUR", "3.00", List.of());

        inTransaction(true, producer -> producer.send(enriched(valid)));

        awaitStored(valid.payment().paymentId());
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account), records -> records.size() == 3);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(notJson, negativeBase, null);
        List<DeadLetter> headers = deadLetters.stream().map(record -> DeadLetter.readFrom(record.headers())).toList();
        assertThat(headers).usingRecursiveFieldByFieldElementComparatorIgnoringFields("detail").containsExactly(
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "", topic, 0, undecodable.offset()),
                new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate", "", topic, 0, invalid.offset()),
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "", topic, 0, tombstone.offset()));
        assertThat(headers.get(0).detail()).startsWith("not JSON");
        assertThat(headers.get(1).detail()).isEqualTo("amountBase: must not be negative");
    }

    /**
     * A valid payment, one the database refuses (a trigger here, as a constraint would), poison bytes and another
     * valid payment in one poll: the batch fails over the refused one and is delivered again around it, the poison is
     * met in every delivery, yet each bad record reaches subscriber.dlq.v1 once, with the documented headers only.
     */
    @Test
    void deadLettersEachBadRecordOnceAlsoWhenTheBatchAroundItIsDeliveredAgain() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched first = payment(id(), account, "1.00", "EUR", "1.00", List.of());
        PaymentEnriched refused = payment(id(), account, "2.00", "EUR", "2.00", List.of());
        PaymentEnriched last = payment(id(), account, "3.00", "EUR", "3.00", List.of());
        byte[] poison = "{poison".getBytes(UTF_8);
        refuseInDatabase(refused.payment().paymentId());

        List<RecordMetadata> sent = rawInTransaction(Topics.PAYMENTS_ENRICHED.name(), account,
                List.of(bytesOf(first), bytesOf(refused), poison, bytesOf(last)));

        awaitStored(last.payment().paymentId());
        awaitStored(first.payment().paymentId());
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account), records -> records.size() >= 2);
        // Another delivery of the rest of the batch (had it happened) would have had time to show up by now.
        awaitStored(sendAfter(account).payment().paymentId());
        deadLetters = recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account);
        assertThat(deadLetters).extracting(record -> DeadLetter.readFrom(record.headers()).sourceOffset())
                .containsExactlyInAnyOrder(sent.get(1).offset(), sent.get(2).offset());
        assertThat(deadLetters).extracting(record -> DeadLetter.readFrom(record.headers()).reason())
                .containsExactlyInAnyOrder(DeadLetterReason.PROCESSING_ERROR, DeadLetterReason.UNDECODABLE);
        assertThat(deadLetters).allSatisfy(record -> assertThat(record.headers()).extracting(Header::key)
                .containsExactlyInAnyOrder(HeaderNames.DLQ_REASON, HeaderNames.DLQ_STAGE, HeaderNames.DLQ_DETAIL,
                        HeaderNames.DLQ_SOURCE_TOPIC, HeaderNames.DLQ_SOURCE_PARTITION, HeaderNames.DLQ_SOURCE_OFFSET));
        assertThat(http().get("/api/v1/payments/" + refused.payment().paymentId()).status()).isEqualTo(404);
    }

    /** One id is one payment: the same id under another account is neither skipped nor stored twice. */
    @Test
    void deadLettersADifferentPaymentUnderAStoredIdAsAConflictAndSkipsTheSamePaymentAgain() {
        String account = "acc-" + UUID.randomUUID();
        String other = "acc-" + UUID.randomUUID();
        String paymentId = id();
        PaymentEnriched payment = payment(paymentId, account, "10.00", "EUR", "10.00", List.of());
        PaymentEnriched impostor = payment(paymentId, other, "10.00", "EUR", "10.00", List.of());
        long conflictsBefore = http().get("/api/v1/stats").body()
                .at("/subscriberDeadLetters/byReason/PAYMENT_ID_CONFLICT").asLong();

        inTransaction(true, producer -> producer.send(enriched(payment)));
        inTransaction(true, producer -> {
            producer.send(enriched(impostor));
            producer.send(enriched(payment));
        });

        awaitStored(sendAfter(other).payment().paymentId());
        List<ConsumerRecord<String, byte[]>> conflicts = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), other), records -> !records.isEmpty());
        assertThat(conflicts).hasSize(1);
        DeadLetter conflict = DeadLetter.readFrom(conflicts.get(0).headers());
        assertThat(conflict.reason()).isEqualTo(DeadLetterReason.PAYMENT_ID_CONFLICT);
        assertThat(conflict.detail()).contains(paymentId, account, other);
        assertThat(jdbc.sql("SELECT account_id FROM payments WHERE payment_id = ?").param(paymentId)
                .query(String.class).list()).containsExactly(account);
        assertThat(recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account)).isEmpty();
        assertThat(http().get("/api/v1/stats").body().at("/subscriberDeadLetters/byReason/PAYMENT_ID_CONFLICT")
                .asLong()).isEqualTo(conflictsBefore + 1);
    }

    @Test
    void retriesATransientDatabaseErrorUntilTheDatabaseAnswersInsteadOfDeadLettering() throws SQLException {
        String account = "acc-" + UUID.randomUUID();
        PaymentEnriched payment = payment(id(), account, "4.00", "EUR", "4.00", List.of());
        double failuresBefore = databaseFailures();

        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("LOCK TABLE payments IN ACCESS EXCLUSIVE MODE");
            inTransaction(true, producer -> producer.send(enriched(payment)));
            // More failed attempts than the retries any other failure gets before it is dead-lettered.
            await().atMost(Duration.ofSeconds(30)).until(() -> databaseFailures() - failuresBefore >= 5);
            connection.rollback();
        }

        awaitStored(payment.payment().paymentId());
        assertThat(recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account)).isEmpty();
    }

    /** A payment of {@code account} sent after everything before: once it is stored, all before are handled. */
    private PaymentEnriched sendAfter(String account) {
        PaymentEnriched marker = payment(id(), account, "0.50", "EUR", "0.50", List.of());
        inTransaction(true, producer -> producer.send(enriched(marker)));
        return marker;
    }

    /** Makes the database refuse to store this payment, as a constraint the record breaks would. */
    private static void refuseInDatabase(String paymentId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION refuse_payment() RETURNS trigger AS $$
                    BEGIN
                      IF NEW.payment_id = '%s' THEN
                        RAISE EXCEPTION 'refused by the test' USING ERRCODE = '23514';
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(paymentId));
            statement.execute("DROP TRIGGER IF EXISTS refuse_payment ON payments");
            statement.execute("CREATE TRIGGER refuse_payment BEFORE INSERT ON payments FOR EACH ROW "
                    + "EXECUTE FUNCTION refuse_payment()");
        }
    }

    private double databaseFailures() {
        Counter failures = meters.find("paymon.subscriber.failed.deliveries").tag("cause", "database").counter();
        return failures == null ? 0 : failures.count();
    }

    private void awaitStored(String paymentId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/payments/" + paymentId).status() == 200);
    }

    private static byte[] withField(PaymentEnriched event, String field, String value) {
        ObjectNode json = (ObjectNode) EventJson.MAPPER.readTree(EventJson.write(EventTypes.PAYMENT_ENRICHED, event));
        json.put(field, value);
        return EventJson.MAPPER.writeValueAsBytes(json);
    }

    private Http http() {
        return new Http(port);
    }

    private static String id() {
        return "pay-" + UUID.randomUUID();
    }
}
