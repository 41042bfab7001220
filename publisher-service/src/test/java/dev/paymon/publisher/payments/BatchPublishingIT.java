package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchPublishingIT extends PublisherIntegrationTest {

    @Test
    void publishesValidItemsOfJsonBatchAndReportsTheInvalidOne() {
        String run = UUID.randomUUID().toString();
        String batch = "[" + PaymentPublishingIT.payment("b1-" + run, "acc-b-1", "10.00") + ","
                + PaymentPublishingIT.payment("b2-" + run, "acc-b-2", "-1") + ","
                + PaymentPublishingIT.payment("b3-" + run, "acc-b-3", "30.00") + "]";

        HttpResponse<String> answer = post("/api/v1/payments/batch", JSON, batch);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body())).isEqualTo(json("""
                {"accepted":2,"rejected":1,"results":[
                  {"index":0,"paymentId":"b1-%1$s","status":"ACCEPTED"},
                  {"index":1,"paymentId":"b2-%1$s","status":"REJECTED",
                   "errors":[{"field":"amount","message":"must be greater than 0"}]},
                  {"index":2,"paymentId":"b3-%1$s","status":"ACCEPTED"}]}""".formatted(run)));
        assertThat(keysByPaymentId(run)).isEqualTo(Map.of("b1-" + run, "acc-b-1", "b3-" + run, "acc-b-3"));
    }

    @Test
    void publishesValidLinesOfNdjsonBatchAndReportsTheMalformedOne() {
        String run = UUID.randomUUID().toString();
        String lines = PaymentPublishingIT.payment("n1-" + run, "acc-n-1", "1.00") + "\n"
                + "{\"paymentId\": \"n2-" + run + "\",\n"
                + PaymentPublishingIT.payment("n3-" + run, "acc-n-3", "3.00") + "\n";

        HttpResponse<String> answer = post("/api/v1/payments/batch", NDJSON, lines);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body()).get("results").valueStream().map(r -> r.get("status").asString()).toList())
                .isEqualTo(List.of("ACCEPTED", "REJECTED", "ACCEPTED"));
        assertThat(keysByPaymentId(run)).isEqualTo(Map.of("n1-" + run, "acc-n-1", "n3-" + run, "acc-n-3"));
    }

    @Test
    void refusesEachItemTooFarAheadOfThePublishersClockAsJsonAndAsNdjson() {
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant ahead = now.plus(Duration.ofMinutes(4));
        String withinJson = PaymentPublishingIT.payment("fj1-" + run, "acc-f-1", "1.00", now);
        String aheadJson = PaymentPublishingIT.payment("fj2-" + run, "acc-f-2", "2.00", ahead);
        String withinLine = PaymentPublishingIT.payment("fn1-" + run, "acc-f-3", "3.00", now);
        String aheadLine = PaymentPublishingIT.payment("fn2-" + run, "acc-f-4", "4.00", ahead);

        JsonNode array = json(post("/api/v1/payments/batch", JSON, "[" + withinJson + "," + aheadJson + "]").body());
        JsonNode lines = json(post("/api/v1/payments/batch", NDJSON, withinLine + "\n" + aheadLine + "\n").body());

        for (JsonNode answer : List.of(array, lines)) {
            assertThat(answer.get("accepted").asInt()).isEqualTo(1);
            JsonNode refused = answer.get("results").get(1);
            assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
            assertThat(refused.get("errors")).singleElement().satisfies(error -> {
                assertThat(error.get("field").asString()).isEqualTo("occurredAt");
                assertThat(error.get("message").asString())
                        .startsWith("must not be more than 10s ahead of the publisher's clock (was ");
            });
        }
        assertThat(keysByPaymentId(run)).isEqualTo(Map.of("fj1-" + run, "acc-f-1", "fn1-" + run, "acc-f-3"));
    }

    private static Map<String, String> keysByPaymentId(String run) {
        return TopicRecords.all(Topics.PAYMENTS_INITIATED.name()).stream()
                .filter(r -> CloudEvents.text(r.headers(), HeaderNames.CE_ID).endsWith(run))
                .collect(Collectors.toMap(r -> CloudEvents.text(r.headers(), HeaderNames.CE_ID), r -> r.key()));
    }
}
