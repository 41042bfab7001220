package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.publisher.HalfSentRequest;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The admission limit on the real service and broker, at one request in progress. The request in progress is held
 * there by its own client, which has sent only half of its body ({@link HalfSentRequest}), so what is in progress
 * when is decided by the test, not by timing.
 */
@TestPropertySource(properties = {"paymon.publisher.admission.max-in-flight=1",
        "paymon.publisher.admission.max-in-flight-per-key=1"})
class AdmissionIT extends PublisherIntegrationTest {

    static final String TOPIC = Topics.PAYMENTS_INITIATED.name();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MeterRegistry meters;

    @Test
    void answersBeyondTheLimitAt503ProblemWithRetryAfterAndAdmitsAgainOnceTheRequestInProgressIsAnswered() {
        String held = "adm-held-" + UUID.randomUUID();
        String refused = "adm-refused-" + UUID.randomUUID();
        String later = "adm-later-" + UUID.randomUUID();
        double overloaded = count("overloaded");

        HalfSentRequest.Answer heldAnswer;
        try (HalfSentRequest inProgress = HalfSentRequest.start(port, "/api/v1/payments", payment(held))) {
            await().atMost(WAIT).until(() -> inFlight() == 1);

            HttpResponse<String> answer = post("/api/v1/payments", JSON, payment(refused));

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(answer.body())).isEqualTo(json("""
                    {"type":"https://paymon.dev/problems/overloaded","title":"Overloaded","status":503,
                     "detail":"The publisher is already working on as many requests as it admits (1). Nothing was \
                    published; retry after 1 second with the same ids.","instance":"/api/v1/payments"}"""));
            assertThat(count("overloaded")).isEqualTo(overloaded + 1);
            assertThat(put("/api/v1/fx-rates/USD", "{\"rateToBase\":\"0.9\"}").statusCode()).isEqualTo(503);
            assertThat(get("/api/v1/simulations").statusCode()).as("the simulator is not limited").isEqualTo(200);

            heldAnswer = inProgress.finish();
        }

        assertThat(heldAnswer.status()).isEqualTo(202);
        JsonNode published = json(heldAnswer.body());
        ConsumerRecord<String, byte[]> record = TopicRecords.at(TOPIC, published.get("partition").asInt(),
                published.get("offset").asLong());
        assertThat(CloudEvents.text(record.headers(), HeaderNames.CE_ID)).isEqualTo(held);
        await().atMost(WAIT).until(() -> inFlight() == 0);
        assertThat(post("/api/v1/payments", JSON, payment(later)).statusCode()).isEqualTo(202);
        assertThat(TopicRecords.all(TOPIC)).extracting(r -> CloudEvents.text(r.headers(), HeaderNames.CE_ID))
                .contains(held, later).doesNotContain(refused);
    }

    @Test
    void metricsShowTheRequestsInProgressAndCountTheRefusedOnes() {
        String prometheus = management("/actuator/prometheus").body();

        assertThat(prometheus).contains("paymon_publisher_requests_in_flight{")
                .contains("paymon_publisher_rejected_total{application=\"publisher-service\",reason=\"overloaded\"}");
    }

    private double inFlight() {
        return meters.get(AdmissionConfiguration.IN_FLIGHT_METRIC).gauge().value();
    }

    private double count(String reason) {
        Counter counter = meters.find("paymon.publisher.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    static String payment(String paymentId) {
        return """
                {"paymentId":"%s","accountId":"acc-admission","amount":"12.50","currency":"EUR","merchantId":"m-1",\
                "merchantCategory":"5411","country":"DE","channel":"ECOMMERCE"}""".formatted(paymentId);
    }
}
