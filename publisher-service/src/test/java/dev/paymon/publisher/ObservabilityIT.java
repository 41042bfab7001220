package dev.paymon.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.Topics;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tracing through Kafka headers, the publisher's own meters on /actuator/prometheus, and the health groups. */
class ObservabilityIT extends PublisherIntegrationTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Test
    void recordOnTheTopicContinuesTheTraceOfTheHttpRequest() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = "00f067aa0ba902b7";

        HttpResponse<String> answer = send(request("/api/v1/payments")
                .header("Content-Type", JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .POST(BodyPublishers.ofString(payment("trace-" + UUID.randomUUID()))));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = json(answer.body());
        ConsumerRecord<String, byte[]> record = TopicRecords.at(Topics.PAYMENTS_INITIATED.name(),
                body.get("partition").asInt(), body.get("offset").asLong());
        var traceparent = TRACEPARENT.matcher(traceparentOf(record));
        assertThat(traceparent.matches()).as("W3C traceparent of the record").isTrue();
        assertThat(traceparent.group(1)).isEqualTo(traceId);
        // The producer's own span, a descendant of the caller's.
        assertThat(traceparent.group(2)).isNotEqualTo(callerSpanId);
    }

    @Test
    void startsATraceForARequestWithoutOne() {
        JsonNode first = json(post("/api/v1/payments", JSON, payment("trace-" + UUID.randomUUID())).body());
        JsonNode second = json(post("/api/v1/payments", JSON, payment("trace-" + UUID.randomUUID())).body());

        String firstTrace = traceIdAt(first);
        String secondTrace = traceIdAt(second);
        assertThat(firstTrace).isNotEqualTo(secondTrace);
    }

    @Test
    void publishesLatencyHistogramAndCountsRejectionsByReason() {
        post("/api/v1/payments", JSON, payment("metrics-" + UUID.randomUUID()));
        double validation = rejected("validation");
        double malformed = rejected("malformed");
        double unsupported = rejected("unsupported_media_type");
        double tooLarge = rejected("too_large");

        post("/api/v1/payments", JSON, "{}");
        post("/api/v1/payments", JSON, "{");
        post("/api/v1/payments", "text/plain", "hello");
        post("/api/v1/payments", JSON, " ".repeat(1024 * 1024 + 1));
        post("/api/v1/payments/batch", NDJSON, "{}\n{\n" + payment("metrics-" + UUID.randomUUID()).replace("\n", ""));

        assertThat(rejected("validation")).isEqualTo(validation + 2);
        assertThat(rejected("malformed")).isEqualTo(malformed + 2);
        assertThat(rejected("unsupported_media_type")).isEqualTo(unsupported + 1);
        assertThat(rejected("too_large")).isEqualTo(tooLarge + 1);
        String prometheus = management("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("paymon_publisher_publish_latency_seconds_bucket{application=\"publisher-service\",le=\"")
                .contains("paymon_publisher_publish_latency_seconds_count{application=\"publisher-service\"}")
                .contains("paymon_publisher_rejected_total{application=\"publisher-service\",reason=\"too_large\"}")
                .containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"paymon-publisher")
                .contains("http_server_requests_seconds_count{");
    }

    @Test
    void livenessIgnoresKafkaAndReadinessIncludesIt() {
        HttpResponse<String> liveness = management("/actuator/health/liveness");
        HttpResponse<String> readiness = management("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness.body()).get("components").propertyNames()).containsExactly("livenessState");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode components = json(readiness.body()).get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "kafka");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    }

    private String traceIdAt(JsonNode answer) {
        var traceparent = TRACEPARENT.matcher(traceparentOf(TopicRecords.at(Topics.PAYMENTS_INITIATED.name(),
                answer.get("partition").asInt(), answer.get("offset").asLong())));
        assertThat(traceparent.matches()).isTrue();
        return traceparent.group(1);
    }

    private static String traceparentOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private double rejected(String reason) {
        JsonNode metric = json(management("/actuator/metrics/paymon.publisher.rejected?tag=reason:" + reason).body());
        return metric.has("measurements") ? metric.get("measurements").get(0).get("value").asDouble() : 0;
    }

    private static String payment(String paymentId) {
        return """
                {"paymentId":"%s","accountId":"acc-trace","amount":"10.00","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ECOMMERCE"}""".formatted(paymentId);
    }
}
