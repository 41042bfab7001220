package dev.paymon.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.support.web.ProblemTypes;
import dev.paymon.testing.OpenApiContract;
import dev.paymon.testing.ProblemTypeUses;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** What operators and API users see besides the API itself: docs, health, metrics, limits on real HTTP. */
class OperationsIT extends PublisherIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void servesAValidOpenApiDocument() {
        OpenApiContract document = apiDocument();

        assertThat(document.messages()).isEmpty();
    }

    @Test
    void servesOpenApiDocumentOfEveryEndpoint() {
        OpenApiContract document = apiDocument();

        assertThat(document.operations())
                .isNotEmpty()
                .containsExactlyElementsOf(OpenApiContract.mappedOperations(context, "dev.paymon.publisher."));
        assertThat(document.operationsWithoutSuccess()).isEmpty();
        assertThat(document.parameters()).contains("POST /api/v1/payments query async")
                .containsAll(OpenApiContract.mappedParameters(context, "dev.paymon.publisher."));
        JsonNode paths = json(get("/v3/api-docs").body()).get("paths");
        assertThat(paths.get("/api/v1/payments").get("post").get("responses").propertyNames())
                .contains("202", "400", "401", "403", "413", "415", "503");
        assertThat(paths.get("/api/v1/payments/batch").get("post").get("requestBody").get("content").propertyNames())
                .containsExactlyInAnyOrder("application/json", "application/x-ndjson");
    }

    /** Every problem type the publisher's code (and the support it uses) names is in the document. */
    @Test
    void documentsEveryProblemTypeTheCodeCanAnswer() {
        OpenApiContract document = apiDocument();
        ProblemTypeUses uses = ProblemTypeUses.in(ProblemTypes.class, "dev.paymon.publisher",
                "dev.paymon.support");
        List<URI> types = Stream.concat(uses.names().stream().map(ProblemTypes::of),
                uses.statuses().stream().map(status -> ProblemTypes.forStatus(HttpStatus.valueOf(status)))).toList();

        // The scan reads the code: a few types it must find.
        assertThat(types).contains(ProblemTypes.of("validation"), ProblemTypes.of("overloaded"),
                ProblemTypes.forStatus(HttpStatus.UNAUTHORIZED), ProblemTypes.forStatus(HttpStatus.NOT_FOUND));
        assertThat(types).filteredOn(type -> !document.mentions(type.toString())).isEmpty();
    }

    /** The document as served; also written to target/openapi.json, for an outside linter. */
    private OpenApiContract apiDocument() {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        OpenApiContract document = OpenApiContract.parse(docs.body());
        document.write(Path.of("target", "openapi.json"));
        return document;
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
