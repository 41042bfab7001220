package dev.paymon.subscriber.stream;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestClients.committed;
import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestClients.sendRaw;
import static dev.paymon.subscriber.TestEvents.activity;
import static dev.paymon.subscriber.TestEvents.alert;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Severity;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.Http;
import dev.paymon.subscriber.SubscriberDatabase;
import dev.paymon.subscriber.SubscriberIntegrationTest;
import dev.paymon.subscriber.stream.SseClient.Event;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live stream of the whole service on the real broker and PostgreSQL, read by a real HTTP client: values
 * written to Kafka as the processor writes them arrive as events with the query API's JSON, filtered and
 * resumable without gap or duplicate. Its own consumer group, closed after the class; the three input topics have
 * one partition here.
 */
class StreamIT extends SubscriberIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StreamPruner pruner;

    @Autowired
    StreamEventRepository events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
        // Clients that went away are found at the next heartbeat.
        registry.add("paymon.subscriber.stream.heartbeat", () -> "1s");
        // Many opens in a row: a closed client frees its place at its next heartbeat, not at once.
        registry.add("paymon.subscriber.stream.max-clients", () -> "400");
        registry.add("paymon.subscriber.stream.max-clients-per-key", () -> "400");
    }

    @Test
    void streamsNewPaymentsAlertsAndActivityWindowsWithTheQueryApisJson() {
        String account = account();
        double sentBefore = meters.counter(StreamConnections.SENT_METRIC).count();
        try (SseClient client = SseClient.open(port, "/api/v1/stream?accountId=" + account)) {
            PaymentEnriched payment = payment(id("pay"), account, "12.5", "EUR", "12.5", List.of("alert-1"));
            AlertRaised alert = alert(id("alert"), account, FraudRule.LARGE_AMOUNT, Severity.HIGH, T0,
                    payment.payment().paymentId());
            AccountActivity window = activity(account, T0, 2, "20.5", "12.5");

            inTransaction(true, producer -> producer.send(enriched(payment)));
            committed(Topics.FRAUD_ALERTS, account, List.of(alert));
            committed(Topics.ACCOUNTS_ACTIVITY, account, List.of(window));

            List<Event> received = client.awaitEvents(3);
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(received).extracting(Event::name).containsExactlyInAnyOrder("payment", "alert", "activity");
            assertThat(received).extracting(Event::number).isSorted().doesNotHaveDuplicates();
            assertThat(named(received, "payment").json())
                    .isEqualTo(http().get("/api/v1/payments/" + payment.payment().paymentId()).body());
            assertThat(named(received, "alert").json())
                    .isEqualTo(http().get("/api/v1/alerts?accountId=" + account).body().get(0));
            assertThat(named(received, "activity").json()).isEqualTo(json("""
                    {"accountId": "%s", "windowStart": "2026-03-01T10:15:00Z", "windowEnd": "2026-03-01T10:16:00Z",
                     "count": 2, "totalBase": "20.50", "maxBase": "12.50"}
                    """.formatted(account)));
            assertThat(http().get("/api/v1/accounts/" + account + "/activity").body().get(0))
                    .isEqualTo(withoutAccountId(named(received, "activity").json()));
            assertThat(meters.counter(StreamConnections.SENT_METRIC).count() - sentBefore).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void sendsEachClientExactlyTheEventsOfItsAccountAndNames() {
        String account = account();
        String other = account();
        try (SseClient alertsAndActivity = SseClient.open(port,
                "/api/v1/stream?accountId=" + account + "&events=alert,activity");
             SseClient paymentsAndAlerts = SseClient.open(port,
                     "/api/v1/stream?accountId=" + account + "&event=payment&events=alert");
             SseClient othersPayments = SseClient.open(port, "/api/v1/stream?accountId=" + other + "&events=payment")) {
            PaymentEnriched payment = payment(id("pay"), account, "1.00", "EUR", "1.00", List.of());
            PaymentEnriched othersPayment = payment(id("pay"), other, "2.00", "EUR", "2.00", List.of());
            AlertRaised alert = alert(id("alert"), account, FraudRule.VELOCITY, Severity.LOW, T0, "pay-1");
            AccountActivity window = activity(account, T0, 1, "1.00", "1.00");
            AccountActivity othersWindow = activity(other, T0, 1, "2.00", "2.00");
            inTransaction(true, producer -> {
                producer.send(enriched(payment));
                producer.send(enriched(othersPayment));
            });
            committed(Topics.FRAUD_ALERTS, account, List.of(alert));
            committed(Topics.ACCOUNTS_ACTIVITY, account, List.of(window));
            committed(Topics.ACCOUNTS_ACTIVITY, other, List.of(othersWindow));
            alertsAndActivity.awaitEvents(2);
            paymentsAndAlerts.awaitEvents(2);
            othersPayments.awaitEvents(1);

            // Written after everything else was streamed: once a client has its barrier, it has had all before it.
            AlertRaised barrier = alert(id("alert"), account, FraudRule.VELOCITY, Severity.LOW, T0, "pay-2");
            PaymentEnriched othersBarrier = payment(id("pay"), other, "3.00", "EUR", "3.00", List.of());
            committed(Topics.FRAUD_ALERTS, account, List.of(barrier));
            inTransaction(true, producer -> producer.send(enriched(othersBarrier)));
            alertsAndActivity.awaitEvent(event -> event.data().contains(barrier.alertId()));
            paymentsAndAlerts.awaitEvent(event -> event.data().contains(barrier.alertId()));
            othersPayments.awaitEvent(event -> event.data().contains(othersBarrier.payment().paymentId()));

            assertThat(alertsAndActivity.events()).extracting(Event::name, StreamIT::key).containsExactlyInAnyOrder(
                    tuple("alert", alert.alertId()), tuple("activity", "2026-03-01T10:15:00Z"),
                    tuple("alert", barrier.alertId()));
            assertThat(paymentsAndAlerts.events()).extracting(Event::name, StreamIT::key).containsExactlyInAnyOrder(
                    tuple("payment", payment.payment().paymentId()), tuple("alert", alert.alertId()),
                    tuple("alert", barrier.alertId()));
            assertThat(othersPayments.events()).extracting(Event::name, StreamIT::key).containsExactly(
                    tuple("payment", othersPayment.payment().paymentId()),
                    tuple("payment", othersBarrier.payment().paymentId()));
            assertThat(List.of(alertsAndActivity, paymentsAndAlerts, othersPayments))
                    .allSatisfy(client -> assertThat(client.events()).extracting(Event::number).isSorted());
        }
    }

    /**
     * The seam between the database and the live fan-out: two clients keep dropping their connection and resuming
     * with {@code Last-Event-ID} (one by header, one by parameter) while payments keep coming through Kafka and,
     * as from another instance, straight into the database. All they received, in order, must be every id from
     * their first to their last, each once.
     */
    @Test
    void resumesWithLastEventIdWithoutGapOrDuplicateWhileEventsKeepComing() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (ContinuousPayments viaKafka = ContinuousPayments.start(account());
             OtherInstanceEvents viaOtherInstance = OtherInstanceEvents.start(events, transactions, account())) {
            Future<List<Long>> byHeader = readers.submit(() -> readWithReconnects(15, true));
            Future<List<Long>> byParameter = readers.submit(() -> readWithReconnects(15, false));

            for (List<Long> ids : List.of(byHeader.get(), byParameter.get())) {
                assertThat(ids).hasSizeGreaterThanOrEqualTo(15)
                        .isEqualTo(LongStream.rangeClosed(ids.get(0), ids.get(ids.size() - 1)).boxed().toList());
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /** A rebuild replays history with stream_from at the old offset: what lies below it is stored, not streamed. */
    @Test
    void announcesNothingBelowThePartitionsStreamFrom() {
        String account = account();
        PaymentEnriched barrier = payment(id("pay"), account, "1.00", "EUR", "1.00", List.of());
        inTransaction(true, producer -> producer.send(enriched(barrier)));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(barrier));
        MessageListenerContainer consumer = listeners.getListenerContainer("payments");
        try (SseClient client = SseClient.open(port, "/api/v1/stream?accountId=" + account)) {
            consumer.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.isRunning());
            PaymentEnriched replayed = payment(id("pay"), account, "2.00", "EUR", "2.00", List.of());
            PaymentEnriched alsoReplayed = payment(id("pay"), account, "3.00", "EUR", "3.00", List.of());
            PaymentEnriched fresh = payment(id("pay"), account, "4.00", "EUR", "4.00", List.of());
            String topic = Topics.PAYMENTS_ENRICHED.name();
            sendRaw(topic, account, EventJson.write(EventTypes.PAYMENT_ENRICHED, replayed));
            sendRaw(topic, account, EventJson.write(EventTypes.PAYMENT_ENRICHED, alsoReplayed));
            RecordMetadata first = sendRaw(topic, account, EventJson.write(EventTypes.PAYMENT_ENRICHED, fresh));
            jdbc.sql("UPDATE consumer_offsets SET stream_from = ? WHERE topic = ? AND \"partition\" = 0")
                    .params(first.offset(), topic).update();
            consumer.start();

            Event announced = client.awaitEvents(1).get(0);

            assertThat(key(announced)).isEqualTo(fresh.payment().paymentId());
            assertThat(client.events()).hasSize(1);
            assertThat(List.of(replayed, alsoReplayed, fresh)).allMatch(this::stored);
        } finally {
            consumer.start();
        }
    }

    @Test
    void answersUnknownEventNamesAndABadLastEventIdWithOneValidationProblemBeforeStreaming() {
        SseClient badNames = SseClient.open(port, "/api/v1/stream?events=payment,refund&event=nope", "latest");
        SseClient negative = SseClient.open(port, "/api/v1/stream?lastEventId=-1");

        assertThat(badNames.status()).isEqualTo(400);
        assertThat(badNames.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(badNames.problem()).isEqualTo(json("""
                {"type": "https://paymon.dev/problems/validation", "title": "Invalid request", "status": 400,
                 "detail": "3 parameters are invalid: events, event, Last-Event-ID", "instance": "/api/v1/stream",
                 "errors": [
                   {"field": "events", "message": "'refund' is not one of [payment, alert, activity]"},
                   {"field": "event", "message": "'nope' is not one of [payment, alert, activity]"},
                   {"field": "Last-Event-ID", "message": "must be the id of a stream event, a whole number from 0"}]}
                """));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.problem().get("errors")).isEqualTo(json("""
                [{"field": "lastEventId", "message": "must be the id of a stream event, a whole number from 0"}]
                """));
    }

    @Test
    void sendsHorizonExceededThenEverythingKeptWhenTheRequestedEventsWerePruned() {
        String account = account();
        try (SseClient observer = SseClient.open(port, "/api/v1/stream?accountId=" + account)) {
            PaymentEnriched pruned = payment(id("pay"), account, "1.00", "EUR", "1.00", List.of());
            inTransaction(true, producer -> producer.send(enriched(pruned)));
            long prunedId = observer.awaitEvents(1).get(0).number();

            assertThat(pruner.pruneBefore(Instant.now())).isPositive();
            PaymentEnriched kept = payment(id("pay"), account, "2.00", "EUR", "2.00", List.of());
            inTransaction(true, producer -> producer.send(enriched(kept)));
            long keptId = observer.awaitEvents(2).get(1).number();

            try (SseClient resumed = SseClient.open(port, "/api/v1/stream?accountId=" + account,
                    Long.toString(prunedId - 1))) {
                List<Event> received = resumed.awaitEvents(2);
                long oldest = oldestKeptId();
                assertThat(oldest).isGreaterThan(prunedId).isLessThanOrEqualTo(keptId);
                assertThat(received).extracting(Event::id, Event::name).containsExactly(
                        tuple(null, "horizon-exceeded"), tuple(Long.toString(keptId), "payment"));
                assertThat(received.get(0).json()).isEqualTo(json("""
                        {"lastEventId": %d, "oldestAvailableId": %d}""".formatted(prunedId - 1, oldest)));
                assertThat(key(received.get(1))).isEqualTo(kept.payment().paymentId());
            }
        }
    }

    @Test
    void sendsHorizonExceededForAnIdTheDatabaseNeverGave() {
        long beyond = lastStreamId() + 1_000_000;

        try (SseClient client = SseClient.open(port, "/api/v1/stream?accountId=" + account()
                + "&lastEventId=" + beyond)) {
            Event first = client.awaitEvents(1).get(0);

            assertThat(first.name()).isEqualTo("horizon-exceeded");
            assertThat(first.json()).isEqualTo(json("""
                    {"lastEventId": %d, "oldestAvailableId": %d}""".formatted(beyond, oldestKeptId())));
        }
    }

    @Test
    void sendsHeartbeatsAndFreesTheSlotOfAClientThatWentAway() {
        await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == 0);
        SseClient idle = SseClient.open(port, "/api/v1/stream?accountId=" + account());
        assertThat(connectedClients()).isEqualTo(1);

        // The "connected" comment at once, then heartbeats.
        await().atMost(Duration.ofSeconds(30)).until(() -> idle.comments() >= 3);
        idle.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == 0);
        assertThat(idle.events()).isEmpty();
    }

    /**
     * The head of a stream (status, security headers) is written by the request's own thread, before it leaves
     * the filters: a sender thread that committed it raced the security filter writing the same headers, broke the
     * request and left the client without an answer (seen once in some hundreds of opens). Live and resuming.
     */
    @Test
    void commitsEveryStreamsHeadOnTheRequestThreadAndSendsTheConnectedLineAtOnce() {
        String account = account();
        CommitWitness.COMMITS.clear();
        for (int open = 0; open < 100; open++) {
            String lastEventId = open % 2 == 0 ? null : "0";
            try (SseClient client = SseClient.open(port, "/api/v1/stream?accountId=" + account, lastEventId)) {
                assertThat(client.status()).as("open %d", open).isEqualTo(200);
                assertThat(client.headers().firstValue("X-Content-Type-Options")).as("open %d", open)
                        .hasValue("nosniff");
                await().atMost(Duration.ofSeconds(30)).until(() -> client.comments() >= 1);
            }
        }
        assertThat(CommitWitness.COMMITS).hasSize(100).allSatisfy(commit -> {
            assertThat(commit.committedWhenTheRequestThreadLeft()).isTrue();
            assertThat(commit.byTheRequestThread()).isTrue();
        });
    }

    /**
     * Reads the whole stream over {@code connections} connections: each takes a few events, drops the connection,
     * waits until more events were stored meanwhile and resumes after the last event it received.
     */
    private List<Long> readWithReconnects(int connections, boolean byHeader) {
        List<Long> ids = new ArrayList<>();
        String lastEventId = null;
        for (int connection = 0; connection < connections; connection++) {
            String path = "/api/v1/stream" + (byHeader || lastEventId == null ? "" : "?lastEventId=" + lastEventId);
            SseClient client = SseClient.open(port, path, byHeader ? lastEventId : null);
            assertThat(client.status()).isEqualTo(200);
            client.awaitEvents(ThreadLocalRandom.current().nextInt(1, 40));
            client.close();
            List<Event> received = client.events();
            received.forEach(event -> ids.add(event.number()));
            long last = received.get(received.size() - 1).number();
            lastEventId = Long.toString(last);
            // The next connection has missed events to read from the database first.
            await().atMost(Duration.ofSeconds(30)).until(() -> lastStreamId() >= last + 3);
        }
        return ids;
    }

    private boolean stored(PaymentEnriched payment) {
        return http().get("/api/v1/payments/" + payment.payment().paymentId()).status() == 200;
    }

    private long lastStreamId() {
        return jdbc.sql("SELECT last_id FROM stream_sequence").query(Long.class).single();
    }

    private long oldestKeptId() {
        return jdbc.sql("SELECT COALESCE((SELECT MIN(id) FROM stream_events), (SELECT last_id + 1 FROM stream_sequence))")
                .query(Long.class).single();
    }

    private double connectedClients() {
        return meters.get(StreamConnections.CLIENTS_METRIC).gauge().value();
    }

    private static Event named(List<Event> events, String name) {
        return events.stream().filter(event -> name.equals(event.name())).findFirst().orElseThrow();
    }

    /** What identifies the value an event announces: its payment or alert id, or its window's start. */
    private static String key(Event event) {
        JsonNode data = event.json();
        for (String field : List.of("paymentId", "alertId", "windowStart")) {
            if (data.has(field)) {
                return data.get(field).asString();
            }
        }
        throw new AssertionError("no key in " + event);
    }

    private static JsonNode withoutAccountId(JsonNode activity) {
        ObjectNode copy = ((ObjectNode) activity).deepCopy();
        copy.remove("accountId");
        return copy;
    }

    private Http http() {
        return new Http(port);
    }

    private static String account() {
        return "acc-" + UUID.randomUUID();
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** How the response of each stream request was committed: seen from outside every other filter. */
    @TestConfiguration
    static class CommitWitness {

        record Commit(boolean committedWhenTheRequestThreadLeft, boolean byTheRequestThread) {
        }

        static final List<Commit> COMMITS = new CopyOnWriteArrayList<>();

        @Bean
        FilterRegistrationBean<Filter> commitWitness() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                if (!"/api/v1/stream".equals(((HttpServletRequest) request).getRequestURI())) {
                    chain.doFilter(request, response);
                    return;
                }
                Thread requestThread = Thread.currentThread();
                AtomicReference<Thread> committer = new AtomicReference<>();
                HttpServletResponseWrapper witnessed = new HttpServletResponseWrapper((HttpServletResponse) response) {
                    @Override
                    public void flushBuffer() throws IOException {
                        if (!isCommitted()) {
                            committer.compareAndSet(null, Thread.currentThread());
                        }
                        super.flushBuffer();
                    }
                };
                chain.doFilter(request, witnessed);
                COMMITS.add(new Commit(response.isCommitted(), committer.get() == requestThread));
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
