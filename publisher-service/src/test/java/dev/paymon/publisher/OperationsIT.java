package dev.paymon.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API users see besides the API itself: docs, health, metrics, limits on real HTTP. */
class OperationsIT extends PublisherIntegrationTest {

    @Test
    void servesOpenApiDocumentOfEveryEndpoint() {
        HttpResponse<String> docs = get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs.body()).get("paths");
        assertThat(paths.propertyNames()).containsExactlyInAnyOrder("/api/v1/payments", "/api/v1/payments/batch",
                "/api/v1/accounts/{accountId}", "/api/v1/fx-rates/{currency}",
                "/api/v1/simulations", "/api/v1/simulations/{id}");
        assertThat(paths.get("/api/v1/payments").get("post").get("responses").propertyNames())
                .contains("202", "400", "413", "415", "503");
        assertThat(paths.get("/api/v1/payments/batch").get("post").get("requestBody").get("content").propertyNames())
                .containsExactlyInAnyOrder("application/json", "application/x-ndjson");
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> redirect = get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isEqualTo(302);

        HttpResponse<String> page = get(redirect.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void reportsKafkaUpInHealth() {
        HttpResponse<String> health = management("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode kafka = json(health.body()).get("components").get("kafka");
        assertThat(kafka.get("status").asString()).isEqualTo("UP");
        assertThat(kafka.get("details").get("partitions")).isEqualTo(json("""
                {"payments.initiated.v1":3,"reference.accounts.v1":3,"reference.fx-rates.v1":3}"""));
    }

    @Test
    void countsRejectedPayments() {
        double before = rejectedPayments();

        post("/api/v1/payments", JSON, "{}");

        assertThat(rejectedPayments()).isEqualTo(before + 1);
        assertThat(management("/actuator/prometheus").body()).contains("paymon_publisher_payments_total{");
    }

    @Test
    void refusesChunkedBodyOverTheLimitOnRealHttp() {
        byte[] body = new byte[1024 * 1024 + 1];

        HttpResponse<String> answer = post("/api/v1/payments", JSON,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer.body()).get("detail").asString())
                .isEqualTo("The request body is longer; at most 1048576 bytes are accepted");
    }

    @Test
    void answersUnknownPathWithProblemOnRealHttp() {
        HttpResponse<String> answer = get("/api/v2/payments");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer.body()).get("type").asString()).isEqualTo("https://paymon.dev/problems/not-found");
    }

    private double rejectedPayments() {
        return json(management("/actuator/metrics/paymon.publisher.payments?tag=outcome:rejected").body())
                .get("measurements").get(0).get("value").asDouble();
    }
}
