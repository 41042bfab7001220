package dev.paymon.subscriber.activity;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestClients.committed;
import static dev.paymon.subscriber.TestEvents.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.Http;
import dev.paymon.subscriber.SubscriberDatabase;
import dev.paymon.subscriber.SubscriberIntegrationTest;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The account activity projection and API on the real broker and PostgreSQL. {@code accounts.activity.v1}
 * has one partition here, so once a later window is stored, every earlier record has been handled.
 * Its own consumer group, closed after the class.
 */
class ActivityProjectionIT extends SubscriberIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.ACCOUNTS_ACTIVITY);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
    }

    @Test
    void servesAnAccountsWindowsByStartAsJsonAndStoresADuplicateOnce() {
        String account = "acc-" + UUID.randomUUID();
        AccountActivity second = activity(account, T0.plusSeconds(60), 1, "7", "7");
        AccountActivity first = activity(account, T0, 6, "1250.5", "999.123456789");
        AccountActivity replayedFirst = activity(account, T0, 99, "1.00", "1.00");
        AccountActivity third = activity(account, T0.plusSeconds(120), 2, "3.00", "2.00");

        committed(Topics.ACCOUNTS_ACTIVITY, account, List.of(second, first));
        committed(Topics.ACCOUNTS_ACTIVITY, account, List.of(replayedFirst, third));

        awaitWindows(account, 3);
        Http.Answer answer = http().get("/api/v1/accounts/" + account + "/activity");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo(json("""
                [{"windowStart": "2026-03-01T10:15:00Z", "windowEnd": "2026-03-01T10:16:00Z", "count": 6,
                  "totalBase": "1250.50", "maxBase": "999.123456789"},
                 {"windowStart": "2026-03-01T10:16:00Z", "windowEnd": "2026-03-01T10:17:00Z", "count": 1,
                  "totalBase": "7.00", "maxBase": "7.00"},
                 {"windowStart": "2026-03-01T10:17:00Z", "windowEnd": "2026-03-01T10:18:00Z", "count": 2,
                  "totalBase": "3.00", "maxBase": "2.00"}]
                """));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_activity WHERE account_id = ?").param(account)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(http().get("/api/v1/accounts/" + account
                + "/activity?from=2026-03-01T10:16:00Z&to=2026-03-01T10:17:00Z").body())
                .isEqualTo(json("[" + answer.body().get(1) + "]"));
        assertThat(http().get("/api/v1/accounts/acc-without-activity/activity").body()).isEqualTo(json("[]"));
    }

    @Test
    void answersBadTimesWithAValidationProblemNamingEachField() {
        Http.Answer answer = http().get("/api/v1/accounts/acc-1/activity?from=yesterday&to=2026-13-01T00:00:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).isEqualTo(json("""
                {"type": "https://paymon.dev/problems/validation", "title": "Invalid request", "status": 400,
                 "detail": "2 parameters are invalid: from, to", "instance": "/api/v1/accounts/acc-1/activity",
                 "errors": [
                   {"field": "from", "message": "must be an ISO-8601 instant, e.g. 2026-03-01T10:15:30Z"},
                   {"field": "to", "message": "must be an ISO-8601 instant, e.g. 2026-03-01T10:15:30Z"}]}
                """));
    }

    @Test
    void answersFromAfterToWithAValidationProblem() {
        Http.Answer answer = http().get(
                "/api/v1/accounts/acc-1/activity?from=2026-03-01T10:17:00Z&to=2026-03-01T10:16:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(json("""
                {"type": "https://paymon.dev/problems/validation", "title": "Invalid request", "status": 400,
                 "detail": "1 parameter is invalid: from", "instance": "/api/v1/accounts/acc-1/activity",
                 "errors": [{"field": "from", "message": "must not be after to"}]}
                """));
    }

    private void awaitWindows(String accountId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/api/v1/accounts/" + accountId + "/activity").body().size() == count);
    }

    private Http http() {
        return new Http(port);
    }
}
