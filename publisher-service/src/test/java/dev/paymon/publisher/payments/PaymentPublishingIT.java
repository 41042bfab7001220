package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Channel;
import dev.paymon.events.CloudEvents;
import dev.paymon.events.EventTypes;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PaymentPublishingIT extends PublisherIntegrationTest {

    static final String TOPIC = Topics.PAYMENTS_INITIATED.name();

    @Test
    void publishedPaymentIsAtTheAnsweredPositionWithKeyJsonAndCloudEventsHeaders() {
        String paymentId = "it-" + UUID.randomUUID();

        HttpResponse<String> answer = post("/api/v1/payments", JSON, payment(paymentId, "acc-it-1", "99.95"));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = json(answer.body());
        assertThat(body.get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(body.get("topic").asString()).isEqualTo(TOPIC);
        ConsumerRecord<String, byte[]> record = TopicRecords.at(TOPIC, body.get("partition").asInt(),
                body.get("offset").asLong());
        assertThat(record.key()).isEqualTo("acc-it-1");
        assertThat(json(record.value())).isEqualTo(json("""
                {"paymentId":"%s","accountId":"acc-it-1","amount":"99.95","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ECOMMERCE","occurredAt":"2025-05-01T10:00:00Z",
                 "schemaVersion":1}""".formatted(paymentId)));
        assertThat(CloudEvents.read(record.headers())).isEqualTo(new CloudEvents.Attributes(paymentId,
                EventTypes.PAYMENT_INITIATED.type(), "/paymon/publisher", "1.0",
                Instant.parse("2025-05-01T10:00:00Z"), "application/json"));
        assertThat(Topics.PAYMENTS_INITIATED.valueSerde("/test").deserializer()
                .deserialize(TOPIC, record.headers(), record.value()))
                .isEqualTo(new PaymentInitiated(paymentId, "acc-it-1", new BigDecimal("99.95"), "EUR", "m-1", "5411",
                        "DE", Channel.ECOMMERCE, Instant.parse("2025-05-01T10:00:00Z")));
    }

    @Test
    void paymentsOfOneAccountFollowEachOtherOnOnePartition() {
        JsonNode first = json(post("/api/v1/payments", JSON, payment("it-" + UUID.randomUUID(), "acc-it-2", "1"))
                .body());
        JsonNode second = json(post("/api/v1/payments", JSON, payment("it-" + UUID.randomUUID(), "acc-it-2", "2"))
                .body());

        assertThat(second.get("partition").asInt()).isEqualTo(first.get("partition").asInt());
        assertThat(second.get("offset").asLong()).isGreaterThan(first.get("offset").asLong());
    }

    @Test
    void asyncPaymentIsAnsweredWithItsIdAndStillReachesTheTopic() {
        String paymentId = "it-async-" + UUID.randomUUID();

        HttpResponse<String> answer = post("/api/v1/payments?async=true", JSON, payment(paymentId, "acc-it-3", "5"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(json(answer.body())).isEqualTo(json("{\"paymentId\":\"" + paymentId + "\"}"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TopicRecords.all(TOPIC))
                .filteredOn(r -> paymentId.equals(CloudEvents.text(r.headers(), HeaderNames.CE_ID)))
                .singleElement().extracting(ConsumerRecord::key).isEqualTo("acc-it-3"));
    }

    @Test
    void invalidPaymentIsAnsweredWithProblemAndNotPublished() {
        String paymentId = "it-bad-" + UUID.randomUUID();

        HttpResponse<String> answer = post("/api/v1/payments", JSON, payment(paymentId, "acc-it-4", "0.001"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer.body()).get("errors")).isEqualTo(json("""
                [{"field":"amount","message":"must have at most 2 decimal places for EUR"}]"""));
        assertThat(TopicRecords.all(TOPIC))
                .noneMatch(r -> paymentId.equals(CloudEvents.text(r.headers(), HeaderNames.CE_ID)));
    }

    @Test
    void paymentTooFarAheadOfThePublishersClockIsRefusedNamingTheFieldAndTheLimit() {
        String paymentId = "it-ahead-" + UUID.randomUUID();

        HttpResponse<String> answer = post("/api/v1/payments", JSON,
                payment(paymentId, "acc-it-5", "5.00", Instant.now().plus(Duration.ofMinutes(4))));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://paymon.dev/problems/validation");
        assertThat(problem.get("detail").asString()).isEqualTo("1 field is invalid: occurredAt");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("occurredAt");
            // Four minutes less the time the request took to arrive.
            assertThat(error.get("message").asString()).matches("must not be more than 10s ahead of the publisher's "
                    + "clock \\(was (3m5\\d(\\.\\d{1,3})?s|4m0s) ahead\\)");
        });
        assertThat(TopicRecords.all(TOPIC))
                .noneMatch(r -> paymentId.equals(CloudEvents.text(r.headers(), HeaderNames.CE_ID)));
    }

    @Test
    void paymentStampedAtTheLimitAheadOfThePublishersClockIsPublished() {
        String paymentId = "it-at-limit-" + UUID.randomUUID();
        Instant atTheLimit = Instant.now().plus(Duration.ofSeconds(10)).truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> answer = post("/api/v1/payments", JSON,
                payment(paymentId, "acc-it-6", "6.00", atTheLimit));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = json(answer.body());
        ConsumerRecord<String, byte[]> record = TopicRecords.at(TOPIC, body.get("partition").asInt(),
                body.get("offset").asLong());
        assertThat(Topics.PAYMENTS_INITIATED.valueSerde("/test").deserializer()
                .deserialize(TOPIC, record.headers(), record.value()).occurredAt()).isEqualTo(atTheLimit);
    }

    static String payment(String paymentId, String accountId, String amount) {
        return payment(paymentId, accountId, amount, Instant.parse("2025-05-01T10:00:00Z"));
    }

    static String payment(String paymentId, String accountId, String amount, Instant occurredAt) {
        return """
                {"paymentId":"%s","accountId":"%s","amount":"%s","currency":"EUR","merchantId":"m-1",\
                "merchantCategory":"5411","country":"DE","channel":"ECOMMERCE","occurredAt":"%s"}"""
                .formatted(paymentId, accountId, amount, occurredAt);
    }
}
