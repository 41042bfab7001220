package dev.paymon.benchmark.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.load.HttpAnswer;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PaymentsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Payments payments = new Payments("localhost:8081", "pk_test");

    @Test
    void paymentIsValidJsonWithAFreshIdAndTheIntendedTimeAsOccurredAt() {
        long intended = Instant.parse("2026-11-28T10:00:00.123Z").toEpochMilli();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            JsonNode payment = JSON.readTree(payments.payment(intended));
            ids.add(payment.path("paymentId").asString());
            assertThat(payment.path("occurredAt").asString()).isEqualTo("2026-11-28T10:00:00.123Z");
            assertThat(payment.path("currency").asString()).isEqualTo("EUR");
            assertThat(payment.path("amount").asString()).matches("\\d{1,2}\\.\\d\\d");
            assertThat(payment.path("accountId").asString()).startsWith("bench-acc-");
        }
        assertThat(ids).hasSize(1000).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].*"));
    }

    @Test
    void singleRequestCarriesTheKeyAndAnExactContentLength() {
        Request request = payments.single("/api/v1/payments").create(0);
        String text = new String(request.bytes(), UTF_8);
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);

        assertThat(request.events()).isEqualTo(1);
        assertThat(text).startsWith("POST /api/v1/payments HTTP/1.1\r\nHost: localhost:8081\r\nX-API-Key: pk_test\r\n")
                .contains("Content-Type: application/json\r\n")
                .contains("Content-Length: " + body.getBytes(UTF_8).length + "\r\n");
        assertThat(JSON.readTree(body).isObject()).isTrue();
    }

    @Test
    void batchesAreAJsonArrayOrOneJsonLinePerPayment() {
        String array = body(payments.batch("/api/v1/payments/batch", 100, false).create(0));
        String ndjson = body(payments.batch("/api/v1/payments/batch", 100, true).create(0));

        assertThat(JSON.readTree(array).size()).isEqualTo(100);
        assertThat(ndjson.split("\n")).hasSize(100).allMatch(line -> JSON.readTree(line).isObject());
    }

    @Test
    void batchCountsTheEventsTheServerAccepted() {
        RequestSource batches = payments.batch("/api/v1/payments/batch", 3, true);
        Request request = batches.create(0);
        byte[] answer = "{\"accepted\":2,\"rejected\":1,\"results\":[]}".getBytes(UTF_8);

        assertThat(batches.needsBody()).isTrue();
        assertThat(batches.accepted(request, new HttpAnswer(200, "application/json", answer))).isEqualTo(2);
        assertThat(batches.accepted(request, new HttpAnswer(503, "application/problem+json", answer))).isZero();
        assertThat(Payments.acceptedIn("{\"type\":\"x\"}")).isZero();
    }

    private static String body(Request request) {
        String text = new String(request.bytes(), UTF_8);
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }
}
