package dev.paymon.subscriber;

import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestClients.recordsWithKey;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database that refuses every write for a while (its INSERT privilege on {@code payments} revoked, as an operator's
 * mistake or a read-only standby after a failover would) is the database's fault, not the records': they are retried
 * until it accepts them again, the {@code projections} health is DOWN meanwhile, and none is dead-lettered. The
 * service connects as a role of its own, which owns its schema; privileges are taken and given back as the server's
 * administrator.
 */
class DatabaseRefusalIT extends SubscriberIntegrationTest {

    private static final String GROUP = "paymon-subscriber-refusal-" + UUID.randomUUID();

    private static TestPostgres.Database database;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchemaWithOwnRole();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("paymon.subscriber.retry.database.initial-interval", () -> "100ms");
        registry.add("paymon.subscriber.retry.database.max-interval", () -> "500ms");
    }

    @Test
    void retriesPaymentsWhileInsertIsRevokedStoresEveryOneOnceItIsGrantedAgainAndDeadLettersNone() {
        String account = "acc-" + UUID.randomUUID();
        List<PaymentEnriched> payments = IntStream.range(0, 20)
                .mapToObj(i -> payment("pay-" + UUID.randomUUID(), account, i + 1 + ".00", "EUR", i + 1 + ".00",
                        List.of()))
                .toList();
        double failuresBefore = databaseFailures();
        TestPostgres.asAdmin("REVOKE INSERT ON " + database.schema() + ".payments FROM " + database.user());
        try {
            payments.forEach(payment -> inTransaction(true, producer -> producer.send(enriched(payment))));

            // Far more failed attempts than the retries a record's own fault gets before it is dead-lettered.
            await().atMost(Duration.ofSeconds(60)).until(() -> databaseFailures() - failuresBefore >= 10);
            Http.Answer health = Http.anonymous(managementPort).get("/actuator/health/readiness");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().at("/components/projections/status").asString()).isEqualTo("DOWN");
            assertThat(storedOf(account)).isZero();
        } finally {
            TestPostgres.asAdmin("GRANT INSERT ON " + database.schema() + ".payments TO " + database.user());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(account) == payments.size());
        assertThat(recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.anonymous(managementPort).get("/actuator/health/readiness").status() == 200);
    }

    private long storedOf(String account) {
        return jdbc.sql("SELECT COUNT(*) FROM payments WHERE account_id = ?").param(account).query(Long.class).single();
    }

    private double databaseFailures() {
        Counter failures = meters.find("paymon.subscriber.failed.deliveries").tag("cause", "database").counter();
        return failures == null ? 0 : failures.count();
    }
}
