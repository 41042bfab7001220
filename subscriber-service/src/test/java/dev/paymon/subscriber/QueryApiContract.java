package dev.paymon.subscriber;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestClients.committed;
import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestClients.recordsWithKey;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.TestEvents.activity;
import static dev.paymon.subscriber.TestEvents.alert;
import static dev.paymon.subscriber.TestEvents.payment;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Severity;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.deadletter.TestDeadLetters;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The account queries and the rebuild of every projection, through the whole service on the real broker,
 * on each supported database (subclasses). Each test uses accounts of its own; the topics are shared with
 * other test classes, so nothing here assumes they are empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class QueryApiContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    private Http http;
    private String account;

    @BeforeAll
    static void topics() {
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY,
                Topics.PAYMENTS_DLQ);
    }

    @DynamicPropertySource
    static void common(DynamicPropertyRegistry registry) {
        TestApiKeys.register(registry);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("paymon.topics.partitions", () -> "1");
        registry.add("paymon.subscriber.retry.processing.interval", () -> "100ms");
    }

    @BeforeEach
    void client() {
        http = new Http(port);
        account = "acc-" + UUID.randomUUID();
    }

    @Test
    void summarisesAnAccountNowAndAsItStoodAtAnInstantFromItsHistory() {
        PaymentEnriched first = paymentAt("10.00", T0);
        PaymentEnriched second = paymentAt("20.50", T0.plusSeconds(60));
        PaymentEnriched third = paymentAt("5.25", T0.plusSeconds(120));
        inTransaction(true, producer -> List.of(third, first, second).forEach(p -> producer.send(enriched(p))));
        committed(Topics.FRAUD_ALERTS, account, List.of(
                alert("alert-" + UUID.randomUUID(), account, FraudRule.LARGE_AMOUNT, Severity.HIGH, T0.plusSeconds(60),
                        "pay-1"),
                alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.MEDIUM, T0.plusSeconds(120),
                        "pay-2")));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(account).size() == 2
                && http.get(summary("")).body().get("paymentCount").asLong() == 3);
        String acknowledged = alertsOf(account).get(1).get("alertId").asString();
        assertThat(http.post("/api/v1/alerts/" + acknowledged + "/acknowledge").status()).isEqualTo(200);

        assertThat(http.get(summary("")).body()).isEqualTo(json("""
                {"accountId": "%s", "paymentCount": 3, "totalBase": "35.75", "baseCurrency": "EUR",
                 "lastPaymentAt": "2026-03-01T10:02:00Z", "openAlerts": 1}""".formatted(account)));
        // Then the first alert was open (acknowledged only today) and the second not yet raised.
        assertThat(http.get(summary("?asOf=2026-03-01T10:01:30Z")).body()).isEqualTo(json("""
                {"accountId": "%s", "paymentCount": 2, "totalBase": "30.50", "baseCurrency": "EUR",
                 "lastPaymentAt": "2026-03-01T10:01:00Z", "openAlerts": 1}""".formatted(account)));
        assertThat(http.get(summary("?asOf=2026-03-01T09:00:00Z")).body()).isEqualTo(json("""
                {"accountId": "%s", "paymentCount": 0, "totalBase": "0.00", "baseCurrency": "EUR",
                 "lastPaymentAt": null, "openAlerts": 0}""".formatted(account)));
        // Now, from the history, agrees with the running totals.
        assertThat(http.get(summary("?asOf=" + Instant.now())).body()).isEqualTo(http.get(summary("")).body());
    }

    @Test
    void answersProblemsForAnUnknownAccountAndABadInstant() {
        Http.Answer unknown = http.get(summary(""));
        Http.Answer badInstant = http.get(summary("?asOf=yesterday"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body().get("errors")).isEqualTo(json("""
                [{"field": "asOf", "message": "must be an ISO-8601 instant, e.g. 2026-03-01T10:15:30Z"}]"""));
    }

    @Test
    void pagesAnAccountsPaymentsNewestFirstFollowingTheNextLink() {
        List<PaymentEnriched> payments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Two payments per instant: pages must neither repeat nor skip one of the same instant.
            payments.add(paymentAt((i + 1) + ".00", T0.plusSeconds(60L * (i / 2))));
        }
        inTransaction(true, producer -> payments.forEach(p -> producer.send(enriched(p))));
        await().atMost(Duration.ofSeconds(30)).until(() -> paymentIds(http.get(payments(""))).size() == 5);
        List<String> newestFirst = paymentIds(http.get(payments("")));

        List<String> paged = new ArrayList<>();
        String next = payments("?limit=2");
        int pages = 0;
        while (next != null) {
            Http.Answer page = http.get(next);
            assertThat(page.status()).isEqualTo(200);
            paged.addAll(paymentIds(page));
            next = nextLink(page);
            pages++;
        }

        assertThat(paged).isEqualTo(newestFirst).doesNotHaveDuplicates().hasSize(5);
        assertThat(pages).isEqualTo(3);
        assertThat(http.get(payments("")).body().get(0).get("occurredAt").asString())
                .isEqualTo("2026-03-01T10:02:00Z");
        assertThat(paymentIds(http.get(payments("?before=2026-03-01T10:01:00Z"))))
                .isEqualTo(newestFirst.subList(3, 5));
    }

    @Test
    void pagesAnAccountsAlertsAndActivityFollowingTheNextLink() {
        List<AlertRaised> raised = new ArrayList<>();
        List<AccountActivity> windows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            raised.add(alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.LOW,
                    T0.plusSeconds(60L * (i / 2)), "pay-" + i));
            windows.add(activity(account, T0.plusSeconds(60L * i), i + 1, "1.00", "1.00"));
        }
        committed(Topics.FRAUD_ALERTS, account, raised);
        committed(Topics.ACCOUNTS_ACTIVITY, account, windows);
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(account).size() == 5
                && http.get(activityPath()).body().size() == 5);

        List<JsonNode> alertPages = followAll("/api/v1/alerts?accountId=" + account + "&limit=2");
        List<JsonNode> activityPages = followAll(activityPath() + "?limit=2");

        assertThat(alertPages).hasSize(5).isEqualTo(alertsOf(account));
        assertThat(activityPages).hasSize(5).isEqualTo(listOf(http.get(activityPath()).body()));
        assertThat(http.get("/api/v1/alerts?before=no-such-alert").body().get("errors")).isEqualTo(json("""
                [{"field": "before", "message": "must be an ISO-8601 instant or the id of an alert"}]"""));
    }

    /** Every item of every page, following the next links from {@code first}. */
    private List<JsonNode> followAll(String first) {
        List<JsonNode> items = new ArrayList<>();
        String next = first;
        while (next != null) {
            Http.Answer page = http.get(next);
            assertThat(page.status()).as(next).isEqualTo(200);
            items.addAll(listOf(page.body()));
            next = nextLink(page);
        }
        return items;
    }

    private static List<JsonNode> listOf(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void answersOneProblemNamingEveryBadPagingParameter() {
        Http.Answer answer = http.get(payments("?limit=501&before=no-such-payment"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors")).isEqualTo(json("""
                [{"field": "limit", "message": "must be a whole number from 1 to 500"},
                 {"field": "before", "message": "must be an ISO-8601 instant or the id of one of the account's payments"}]
                """));
    }

    @Test
    void rebuildsEveryProjectionFromKafkaToAnswerEveryQueryExactlyAsBefore() {
        PaymentEnriched first = paymentAt("10.00", T0);
        PaymentEnriched second = payment("pay-" + UUID.randomUUID(), account, "99.00", "USD", "90.1234",
                List.of("alert-r1"), T0.plusSeconds(30), T0.plusSeconds(31));
        inTransaction(true, producer -> List.of(first, second).forEach(p -> producer.send(enriched(p))));
        byte[] poison = "{not json".getBytes(UTF_8);
        sendRaw(Topics.PAYMENTS_ENRICHED.name(), account, poison);
        String acknowledged = "alert-" + UUID.randomUUID();
        committed(Topics.FRAUD_ALERTS, account, List.of(
                alert(acknowledged, account, FraudRule.LARGE_AMOUNT, Severity.HIGH, T0.plusSeconds(30), "pay-x"),
                alert("alert-" + UUID.randomUUID(), account, FraudRule.VELOCITY, Severity.LOW, T0.plusSeconds(31), "pay-y")));
        committed(Topics.ACCOUNTS_ACTIVITY, account, List.of(activity(account, T0, 2, "100.1234", "90.1234")));
        TestDeadLetters.inTransaction(true, List.of(TestDeadLetters.deadLetter(account, poison, new DeadLetter(
                DeadLetterReason.INVALID_EVENT, "validate", "amount of " + account + " must be greater than 0",
                Topics.PAYMENTS_INITIATED.name(), 0, 7), Instant.now())));
        PaymentEnriched last = paymentAt("1.00", T0.plusSeconds(90));
        inTransaction(true, producer -> producer.send(enriched(last)));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(account).size() == 2
                && http.get(activityPath()).body().size() == 1
                && http.get("/api/v1/stats").body().at("/deadLetters/last").toString().contains(account)
                && http.get("/api/v1/payments/" + last.payment().paymentId()).status() == 200);
        http.post("/api/v1/alerts/" + acknowledged + "/acknowledge");
        Map<String, JsonNode> before = answers(List.of(first, second, last));
        double storedBefore = meters.counter("paymon.subscriber.payments.stored").count();
        long streamedBefore = streamEvents();

        Http.Answer started = http.post("/api/v1/admin/rebuild");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("startedAt").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/v1/admin/rebuild").body().get("complete").asBoolean());
        assertThat(meters.counter("paymon.subscriber.payments.stored").count() - storedBefore)
                .isGreaterThanOrEqualTo(3);
        assertThat(answers(List.of(first, second, last))).isEqualTo(before);
        // Effects outside the projections are not repeated by the replay: the poison record was dead-lettered
        // once, and live-stream clients were not sent the history again.
        assertThat(recordsWithKey(Topics.SUBSCRIBER_DLQ.name(), account)).hasSize(1);
        assertThat(streamEvents()).isEqualTo(streamedBefore);
    }

    private long streamEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM stream_events").query(Long.class).single();
    }

    /** What every query about the account answers, by path. */
    private Map<String, JsonNode> answers(List<PaymentEnriched> payments) {
        // Stats count every record of the shared topics; nothing writes to them while this test waits.
        List<String> paths = new ArrayList<>(List.of("/api/v1/stats", summary(""), summary("?asOf=2026-03-01T10:00:45Z"),
                payments(""), payments("?limit=1"), activityPath(), "/api/v1/alerts?accountId=" + account,
                "/api/v1/alerts?accountId=" + account + "&status=ACKNOWLEDGED"));
        payments.forEach(p -> paths.add("/api/v1/payments/" + p.payment().paymentId()));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        paths.forEach(path -> {
            Http.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            answers.put(path, answer.body());
        });
        return answers;
    }

    private PaymentEnriched paymentAt(String amount, Instant occurredAt) {
        return payment("pay-" + UUID.randomUUID(), account, amount, "EUR", amount, List.of(), occurredAt,
                occurredAt.plusSeconds(1));
    }

    private List<JsonNode> alertsOf(String accountId) {
        List<JsonNode> alerts = new ArrayList<>();
        http.get("/api/v1/alerts?accountId=" + accountId).body().forEach(alerts::add);
        return alerts;
    }

    private static List<String> paymentIds(Http.Answer page) {
        List<String> ids = new ArrayList<>();
        page.body().forEach(payment -> ids.add(payment.get("paymentId").asString()));
        return ids;
    }

    /** The path and query of the {@code rel="next"} link, or {@code null} on the last page. */
    private static String nextLink(Http.Answer page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
        assertThat(next.find()).as(link).isTrue();
        URI uri = URI.create(next.group(1));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private String summary(String query) {
        return "/api/v1/accounts/" + account + "/summary" + query;
    }

    private String payments(String query) {
        return "/api/v1/accounts/" + account + "/payments" + query;
    }

    private String activityPath() {
        return "/api/v1/accounts/" + account + "/activity";
    }
}
