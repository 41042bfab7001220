package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

    private static Map<String, String> keysByPaymentId(String run) {
        return TopicRecords.all(Topics.PAYMENTS_INITIATED.name()).stream()
                .filter(r -> CloudEvents.text(r.headers(), HeaderNames.CE_ID).endsWith(run))
                .collect(Collectors.toMap(r -> CloudEvents.text(r.headers(), HeaderNames.CE_ID), r -> r.key()));
    }
}
