package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.publisher.HalfSentRequest;
import dev.paymon.publisher.PublisherApplication;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Shutting the real service down (as SIGTERM does: closing its context) while a request is in progress, against the
 * real broker: the request in progress gets its real answer, 202 after the broker's acknowledgement; requests that
 * arrive meanwhile, on a kept-alive connection or a new one, get a 503 {@code shutting-down} problem; once closed,
 * nothing listens. The request in progress is held by its own client ({@link HalfSentRequest}), so the drain lasts
 * exactly until the test lets it end.
 */
class ShutdownIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ConfigurableApplicationContext service;

    @AfterEach
    void closeService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void finishesTheRequestInProgressRefusesNewOnesWithAProblemAndThenStopsListening() throws Exception {
        service = start();
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        String held = "shut-held-" + UUID.randomUUID();
        assertThat(post(port, "shut-before-" + UUID.randomUUID()).statusCode()).isEqualTo(202);

        HalfSentRequest.Answer heldAnswer;
        CompletableFuture<Void> closing;
        try (HalfSentRequest inProgress = HalfSentRequest.start(port, "/api/v1/payments", AdmissionIT.payment(held))) {
            Admission admission = service.getBean(Admission.class);
            await().atMost(WAIT).until(() -> admission.inFlight() == 1);
            closing = CompletableFuture.runAsync(service::close);

            HttpResponse<String> refused = await().atMost(WAIT)
                    .until(() -> post(port, "shut-refused-" + UUID.randomUUID()), answer -> answer.statusCode() != 202);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode problem = PublisherIntegrationTest.json(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://paymon.dev/problems/shutting-down");
            assertThat(post(port, "shut-refused-" + UUID.randomUUID()).statusCode()).isEqualTo(503);
            assertThat(closing).isNotDone();

            heldAnswer = inProgress.finish();
        }

        assertThat(heldAnswer.status()).isEqualTo(202);
        closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode published = PublisherIntegrationTest.json(heldAnswer.body());
        ConsumerRecord<String, byte[]> record = TopicRecords.at(Topics.PAYMENTS_INITIATED.name(),
                published.get("partition").asInt(), published.get("offset").asLong());
        assertThat(CloudEvents.text(record.headers(), HeaderNames.CE_ID)).isEqualTo(held);
        assertThatThrownBy(() -> post(port, "shut-after-" + UUID.randomUUID())).isInstanceOf(ConnectException.class);
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(TestApiKeys.properties());
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("paymon.topics.partitions", 3);
        return new SpringApplicationBuilder(PublisherApplication.class).properties(properties).run();
    }

    private HttpResponse<String> post(int port, String paymentId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments"))
                .timeout(WAIT).header(TestApiKeys.HEADER, TestApiKeys.ALL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AdmissionIT.payment(paymentId))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
