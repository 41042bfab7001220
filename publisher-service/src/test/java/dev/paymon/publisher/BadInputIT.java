package dev.paymon.publisher;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.BadRequest;
import dev.paymon.testing.BadRequests;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input catalog ({@link PublisherBadRequests}) against the running service on the real broker: each request
 * is answered with its 4xx as a problem detail, never a 5xx or a stack trace, and afterwards the service is healthy and
 * publishes a valid payment as before. Security refusals (keys, roles) are in {@link HardeningIT} and
 * {@link ApiSecurityIT}; random payments in {@link PaymentFuzzIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT extends PublisherIntegrationTest {

    static List<BadRequest> catalog() {
        return PublisherBadRequests.all();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void answersWithAProblemDetail(BadRequest request) {
        BadRequests.assertAnsweredWithProblem(port, request);
    }

    @Order(2)
    @Test
    void rejectsOnlyTheNdjsonLinesThatAreNotUtf8OrOutOfRangeOrNestedTooDeep() {
        String valid = "ndjson-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(payment(valid, "\"12.50\"").getBytes(UTF_8));
        body.writeBytes("\n".getBytes(UTF_8));
        body.writeBytes(payment("ndjson-latin-1", "\"12.50\"").replace("m-1", "caf\u00e9").getBytes(ISO_8859_1));
        body.writeBytes("\n".getBytes(UTF_8));
        body.writeBytes(payment("ndjson-out-of-range", "1e99999999999").getBytes(UTF_8));
        body.writeBytes(("\n" + "[".repeat(100) + "]".repeat(100)).getBytes(UTF_8));

        HttpResponse<String> answer = post("/api/v1/payments/batch", NDJSON,
                BodyPublishers.ofByteArray(body.toByteArray()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = json(answer.body());
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        assertThat(result.get("rejected").asInt()).isEqualTo(3);
        assertThat(result.at("/results/0/paymentId").asString()).isEqualTo(valid);
        assertThat(result.at("/results/1/errors/0/message").asString()).startsWith("Malformed JSON").contains("UTF-8");
        assertThat(result.at("/results/2/errors/0/message").asString()).contains("out of range");
        assertThat(result.at("/results/3/errors/0/message").asString()).contains("nested deeper than 32");
    }

    @Order(3)
    @Test
    void staysHealthyAndPublishesAValidPaymentAfterwards() {
        HttpResponse<String> health = send(anonymous("/actuator/health").GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

        String paymentId = "after-bad-input-" + UUID.randomUUID();
        HttpResponse<String> answer = post("/api/v1/payments", JSON, payment(paymentId, "\"12.50\""));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode accepted = json(answer.body());
        assertThat(accepted.get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(TopicRecords.at(accepted.get("topic").asString(), accepted.get("partition").asInt(),
                accepted.get("offset").asLong()).key()).isEqualTo("acc-bad-input");
    }

    private static String payment(String paymentId, String amount) {
        return PublisherBadRequests.payment("paymentId", "\"" + paymentId + "\"")
                .replace("\"12.50\"", amount);
    }
}
