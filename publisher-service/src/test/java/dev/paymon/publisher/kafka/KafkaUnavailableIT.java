package dev.paymon.publisher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.testing.TestApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service pointed at a port where no broker listens: it starts anyway, reports itself DOWN, and
 * answers every publishing request with 503 and {@code Retry-After} within the send timeout, never 2xx.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "paymon.publisher.send-timeout=2s",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.close-timeout=1s"})
class KafkaUnavailableIT {

    static final Duration BOUND = Duration.ofSeconds(2);
    static final Duration SLACK = Duration.ofMillis(2500);
    static final String PAYMENT = """
            {"accountId":"acc-down","amount":"10.00","currency":"EUR","merchantId":"m-1","merchantCategory":"5411",\
            "country":"DE","channel":"ATM"}""";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
        TestApiKeys.register(registry);
    }

    @Test
    void answersPayment503WithRetryAfterWithinTheSendTimeout() {
        assertUnavailableInTime("POST", "/api/v1/payments", "application/json", PAYMENT);
    }

    @Test
    void refusesAsyncPaymentTooBecauseTheProducerCannotTakeIt() {
        assertUnavailableInTime("POST", "/api/v1/payments?async=true", "application/json", PAYMENT);
    }

    @Test
    void refusesBatchWholeWhenNoItemCouldBeSent() {
        assertUnavailableInTime("POST", "/api/v1/payments/batch", "application/x-ndjson", PAYMENT + "\n" + PAYMENT);
    }

    @Test
    void refusesReferenceDataUpdate() {
        assertUnavailableInTime("PUT", "/api/v1/fx-rates/USD", "application/json", "{\"rateToBase\":\"0.9\"}");
    }

    @Test
    void stillValidatesInputWithoutKafka() {
        HttpResponse<String> answer = send("POST", "/api/v1/payments", "application/json", "{}");

        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void reportsItselfDown() {
        HttpResponse<String> health = send("GET", "/actuator/health", "application/json", "");
        HttpResponse<String> details = send(managementPort, "GET", "/actuator/health", "application/json", "");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(details.statusCode()).isEqualTo(503);
        assertThat(PublisherIntegrationTest.json(details.body()).get("components").get("kafka").get("status")
                .asString()).isEqualTo("DOWN");
    }

    private void assertUnavailableInTime(String method, String path, String contentType, String body) {
        long start = System.nanoTime();

        HttpResponse<String> answer = send(method, path, contentType, body);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(PublisherIntegrationTest.json(answer.body()).get("type").asString())
                .isEqualTo("https://paymon.dev/problems/kafka-unavailable");
        assertThat(elapsed).isLessThan(BOUND.plus(SLACK));
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(port, method, path, contentType, body);
    }

    private HttpResponse<String> send(int port, String method, String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header(TestApiKeys.HEADER, TestApiKeys.ALL)
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on: bound to find a free one, then closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
