package dev.paymon.subscriber.stream;

import static dev.paymon.subscriber.Http.json;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.Http;
import dev.paymon.subscriber.SubscriberDatabase;
import dev.paymon.subscriber.SubscriberIntegrationTest;
import dev.paymon.subscriber.stream.SseClient.Event;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients the stream must protect itself and the others from, on the real broker and PostgreSQL: one that stops
 * reading, and more than {@code max-clients}. Tiny client buffers here, and small socket send buffers so that a
 * client that reads nothing blocks the server's writes after a few events rather than after megabytes.
 */
class SlowStreamClientIT extends SubscriberIntegrationTest {

    private static final int CLIENT_BUFFER = 5;
    private static final int MAX_CLIENTS = 4;
    private static final int MAX_CLIENTS_PER_KEY = 3;

    private static TestPostgres.Database database;

    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class SmallSocketBuffers {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(connector ->
                    connector.setProperty("socket.txBufSize", "4096"));
        }
    }

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
        registry.add("paymon.subscriber.stream.client-buffer", () -> Integer.toString(CLIENT_BUFFER));
        registry.add("paymon.subscriber.stream.max-clients", () -> Integer.toString(MAX_CLIENTS));
        registry.add("paymon.subscriber.stream.max-clients-per-key", () -> Integer.toString(MAX_CLIENTS_PER_KEY));
        registry.add("paymon.subscriber.stream.heartbeat", () -> "1s");
    }

    /**
     * Payments of one account arrive one at a time, each once a reading client has it. A second client of the
     * account reads nothing: once the socket takes no more, its buffer overflows and only it is disconnected, while
     * the reading client and the consumers go on. What it did get ends with {@code disconnected} naming its last
     * event, and resuming from there loses nothing.
     */
    @Test
    void disconnectsAClientThatReadsNothingWhileTheOthersAndTheConsumersGoOn() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        String path = "/api/v1/stream?accountId=" + account;
        // Room for both clients: those of other tests are gone.
        await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == 0);
        double disconnectsBefore = slowDisconnects();
        List<String> written = new ArrayList<>();
        try (TransactionalPayments payments = new TransactionalPayments();
             NonReadingClient slow = new NonReadingClient(port, path);
             SseClient reading = SseClient.open(port, path)) {
            assertThat(slow.statusLine()).startsWith("HTTP/1.1 200");

            for (int round = 0; round < 2_000 && slowDisconnects() == disconnectsBefore; round++) {
                writeAndAwait(payments, reading, account, written);
            }
            // Consumption and the reading client go on while the slow client still reads nothing.
            for (int round = 0; round < 3; round++) {
                writeAndAwait(payments, reading, account, written);
            }

            assertThat(slowDisconnects() - disconnectsBefore).isEqualTo(1.0);
            assertThat(reading.ended()).isFalse();
            assertThat(reading.events()).extracting(SlowStreamClientIT::paymentId).isEqualTo(written);
            assertThat(new Http(port).get("/api/v1/payments/" + written.get(written.size() - 1)).status())
                    .isEqualTo(200);

            List<Event> received = slow.readToEnd();
            List<Event> sent = received.subList(0, received.size() - 1);
            Event disconnected = received.get(received.size() - 1);
            String lastEventId = sent.get(sent.size() - 1).id();
            assertThat(disconnected.id()).isNull();
            assertThat(disconnected.name()).isEqualTo("disconnected");
            assertThat(disconnected.json()).isEqualTo(json("""
                    {"reason": "too slow: more than %d events behind", "lastEventId": %s}
                    """.formatted(CLIENT_BUFFER, lastEventId)));
            assertThat(sent).extracting(Event::name).containsOnly("payment");

            try (SseClient resumed = SseClient.open(port, path, lastEventId)) {
                resumed.awaitEvents(written.size() - sent.size());
                List<String> both = new ArrayList<>(sent.stream().map(SlowStreamClientIT::paymentId).toList());
                resumed.events().forEach(event -> both.add(paymentId(event)));
                assertThat(both).isEqualTo(written);
            }
        }
    }

    @Test
    void refusesClientsBeyondMaxClientsWithARetryableProblem() {
        await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == 0);
        String path = "/api/v1/stream?accountId=acc-" + UUID.randomUUID();
        List<SseClient> admitted = new ArrayList<>();
        try {
            // Over two keys, so that no key reaches its own limit first.
            for (int i = 0; i < MAX_CLIENTS; i++) {
                String key = i < MAX_CLIENTS_PER_KEY ? TestApiKeys.ALL : TestApiKeys.READ;
                admitted.add(SseClient.open(port, path, null, key));
            }
            SseClient refused = SseClient.open(port, path, null, TestApiKeys.READ);
            admitted.remove(0).close();
            await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == MAX_CLIENTS - 1);
            admitted.add(SseClient.open(port, path));

            assertThat(admitted).extracting(SseClient::status).containsOnly(200);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.problem()).isEqualTo(json("""
                    {"type": "https://paymon.dev/problems/stream-unavailable", "title": "Stream unavailable",
                     "status": 503, "detail": "The stream serves at most 4 clients at once; try again shortly.",
                     "instance": "/api/v1/stream"}
                    """));
        } finally {
            admitted.forEach(SseClient::close);
        }
    }

    @Test
    void refusesAKeyBeyondItsOwnLimitWithTooManyRequestsWhileOtherKeysStillConnect() {
        await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == 0);
        String path = "/api/v1/stream?accountId=acc-" + UUID.randomUUID();
        List<SseClient> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CLIENTS_PER_KEY; i++) {
                admitted.add(SseClient.open(port, path, null, TestApiKeys.ALL));
            }
            SseClient refused = SseClient.open(port, path, null, TestApiKeys.ALL);
            admitted.add(SseClient.open(port, path, null, TestApiKeys.READ));
            admitted.remove(0).close();
            await().atMost(Duration.ofSeconds(30)).until(() -> connectedClients() == MAX_CLIENTS_PER_KEY);
            admitted.add(SseClient.open(port, path, null, TestApiKeys.ALL));

            assertThat(admitted).extracting(SseClient::status).containsOnly(200);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.problem()).isEqualTo(json("""
                    {"type": "https://paymon.dev/problems/too-many-streams", "title": "Too many streams",
                     "status": 429,
                     "detail": "This API key has 3 streams open, as many as one key may; close one or try again shortly.",
                     "instance": "/api/v1/stream"}
                    """));
        } finally {
            admitted.forEach(SseClient::close);
        }
    }

    /** Writes one payment and waits until the reading client has it, so that it never falls behind. */
    private static void writeAndAwait(TransactionalPayments payments, SseClient reading, String account,
                                      List<String> written) {
        PaymentEnriched payment = payment("pay-" + UUID.randomUUID(), account, "1.00", "EUR", "1.00", List.of());
        payments.commit(List.of(payment));
        written.add(payment.payment().paymentId());
        reading.awaitEvent(event -> paymentId(event).equals(payment.payment().paymentId()));
    }

    private double slowDisconnects() {
        return meters.counter(StreamHub.SLOW_DISCONNECTS_METRIC).count();
    }

    private double connectedClients() {
        return meters.get(StreamConnections.CLIENTS_METRIC).gauge().value();
    }

    private static String paymentId(Event event) {
        return event.json().get("paymentId").asString();
    }
}
