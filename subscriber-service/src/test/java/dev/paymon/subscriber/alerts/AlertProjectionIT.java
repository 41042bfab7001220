package dev.paymon.subscriber.alerts;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestClients.committed;
import static dev.paymon.subscriber.TestClients.recordsWithKey;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.TestEvents.alert;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AlertRaised;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.Http;
import dev.paymon.subscriber.SubscriberDatabase;
import dev.paymon.subscriber.SubscriberIntegrationTest;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alerts projection and API on the real broker and PostgreSQL: alerts written as the processor writes
 * them are listed and acknowledged over HTTP. {@code fraud.alerts.v1} has one partition here, so once a
 * later alert is stored, every earlier record has been handled. Its own consumer group, closed after the class.
 */
class AlertProjectionIT extends SubscriberIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.FRAUD_ALERTS);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
    }

    @Test
    void listsCommittedAlertsNewestFirstAsJsonAndStoresADuplicateOnce() {
        String account = "acc-" + UUID.randomUUID();
        AlertRaised older = alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.MEDIUM, T0,
                "pay-2", "pay-1");
        AlertRaised newer = alert("alert-" + UUID.randomUUID(), account, FraudRule.LARGE_AMOUNT, Severity.HIGH,
                T0.plusMillis(60_250), "pay-3");

        committed(Topics.FRAUD_ALERTS, account, List.of(older, newer));
        committed(Topics.FRAUD_ALERTS, account, List.of(older));

        awaitAlerts(account, 2);
        AlertRaised barrier = alert("alert-" + UUID.randomUUID(), "acc-" + UUID.randomUUID(), FraudRule.VELOCITY,
                Severity.LOW, T0, "pay-9");
        committed(Topics.FRAUD_ALERTS, barrier.accountId(), List.of(barrier));
        awaitAlerts(barrier.accountId(), 1);
        Http.Answer answer = http().get("/api/v1/alerts?accountId=" + account);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo(json("""
                [{"alertId": "%s", "accountId": "%s", "rule": "LARGE_AMOUNT", "severity": "HIGH",
                  "paymentIds": ["pay-3"], "detectedAt": "2026-03-01T10:16:30.250Z", "status": "OPEN"},
                 {"alertId": "%s", "accountId": "%s", "rule": "VELOCITY", "severity": "MEDIUM",
                  "paymentIds": ["pay-2", "pay-1"], "detectedAt": "2026-03-01T10:15:30Z", "status": "OPEN"}]
                """.formatted(newer.alertId(), account, older.alertId(), account)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts WHERE alert_id = ?").param(older.alertId())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(http().get("/api/v1/alerts?accountId=" + account + "&rule=VELOCITY&status=OPEN&limit=1").body())
                .isEqualTo(json("[" + answer.body().get(1) + "]"));
        assertThat(http().get("/api/v1/alerts?accountId=" + account + "&status=ACKNOWLEDGED").body())
                .isEqualTo(json("[]"));
    }

    @Test
    void acknowledgesIdempotentlyAndAReplayedAlertDoesNotReopenIt() {
        String account = "acc-" + UUID.randomUUID();
        AlertRaised raised = alert("alert-" + UUID.randomUUID(), account, FraudRule.IMPOSSIBLE_TRAVEL,
                Severity.HIGH, T0, "pay-1", "pay-2");
        committed(Topics.FRAUD_ALERTS, account, List.of(raised));
        awaitAlerts(account, 1);
        String path = "/api/v1/alerts/" + raised.alertId() + "/acknowledge";

        Http.Answer first = http().post(path);
        OffsetDateTime acknowledgedAt = acknowledgedAt(raised.alertId());
        Http.Answer second = http().post(path);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(json("""
                {"alertId": "%s", "accountId": "%s", "rule": "IMPOSSIBLE_TRAVEL", "severity": "HIGH",
                 "paymentIds": ["pay-1", "pay-2"], "detectedAt": "2026-03-01T10:15:30Z", "status": "ACKNOWLEDGED"}
                """.formatted(raised.alertId(), account)));
        // The same answer (status, type, body); not the headers, whose Date may tick between the two calls.
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(acknowledgedAt(raised.alertId())).isEqualTo(acknowledgedAt);

        AlertRaised later = alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.LOW,
                T0.plusSeconds(1), "pay-3");
        committed(Topics.FRAUD_ALERTS, account, List.of(raised, later));
        awaitAlerts(account, 2);
        assertThat(http().get("/api/v1/alerts?accountId=" + account + "&status=ACKNOWLEDGED").body())
                .isEqualTo(json("[" + first.body() + "]"));
        assertThat(acknowledgedAt(raised.alertId())).isEqualTo(acknowledgedAt);
    }

    @Test
    void answersAcknowledgingAnUnknownAlertWithANotFoundProblem() {
        Http.Answer answer = http().post("/api/v1/alerts/no-such-alert/acknowledge");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).isEqualTo(json("""
                {"type": "https://paymon.dev/problems/not-found", "title": "Alert not found", "status": 404,
                 "detail": "No alert with id 'no-such-alert'.", "instance": "/api/v1/alerts/no-such-alert/acknowledge"}
                """));
    }

    @Test
    void answersEveryBadFilterInOneValidationProblem() {
        Http.Answer answer = http().get("/api/v1/alerts?rule=SMURFING&status=CLOSED&limit=501");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).isEqualTo(json("""
                {"type": "https://paymon.dev/problems/validation", "title": "Invalid request", "status": 400,
                 "detail": "3 parameters are invalid: rule, status, limit", "instance": "/api/v1/alerts",
                 "errors": [
                   {"field": "rule", "message": "must be one of [LARGE_AMOUNT, VELOCITY, IMPOSSIBLE_TRAVEL, DAILY_LIMIT]"},
                   {"field": "status", "message": "must be one of [OPEN, ACKNOWLEDGED]"},
                   {"field": "limit", "message": "must be a whole number from 1 to 500"}]}
                """));
        assertThat(List.of(http().get("/api/v1/alerts?limit=0").status(), http().get("/api/v1/alerts?limit=x").status(),
                http().get("/api/v1/alerts?limit=500").status())).containsExactly(400, 400, 200);
    }

    @Test
    void deadLettersAPoisonAlertAndKeepsConsumingThePartition() {
        String account = "acc-" + UUID.randomUUID();
        RecordMetadata poison = sendRaw(Topics.FRAUD_ALERTS.name(), account, "{not json".getBytes(UTF_8));
        AlertRaised valid = alert("alert-" + UUID.randomUUID(), account, FraudRule.DAILY_LIMIT, Severity.MEDIUM, T0,
                "pay-1");
        committed(Topics.FRAUD_ALERTS, account, List.of(valid));

        awaitAlerts(account, 1);
        List<DeadLetter> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account), records -> records.size() == 1)
                .stream().map(record -> DeadLetter.readFrom(record.headers())).toList();
        assertThat(deadLetters).usingRecursiveFieldByFieldElementComparatorIgnoringFields("detail").containsExactly(
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "", Topics.FRAUD_ALERTS.name(), 0,
                        poison.offset()));
    }

    private OffsetDateTime acknowledgedAt(String alertId) {
        return jdbc.sql("SELECT acknowledged_at FROM alerts WHERE alert_id = ?").param(alertId)
                .query(OffsetDateTime.class).single();
    }

    private void awaitAlerts(String accountId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/alerts?accountId=" + accountId).body().size() == count);
    }

    private Http http() {
        return new Http(port);
    }
}
