package dev.paymon.publisher.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.Topics;
import dev.paymon.publisher.HalfSentRequest;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import dev.paymon.testing.TestApiKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-key admission limit on the real service and broker, on real sockets: one key holds its whole allowance
 * with clients that sent the head of their request ({@code Content-Length} of the whole body) and half of the body
 * ({@link HalfSentRequest}), as a slow client does. Its next request is refused at once, another key's is admitted;
 * once the slow requests end (one finished, one abandoned), the key is admitted again.
 */
@TestPropertySource(properties = {"paymon.publisher.admission.max-in-flight=4",
        "paymon.publisher.admission.max-in-flight-per-key=2"})
class KeyAdmissionIT extends PublisherIntegrationTest {

    static final String TOPIC = Topics.PAYMENTS_INITIATED.name();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SLOW_KEY = TestApiKeys.INGEST;

    @Autowired
    Admission admission;

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesAKeyHoldingItsShareWith429AtOnceAdmitsOtherKeysAndAdmitsItAgainOnceItsRequestsEnd() {
        String run = UUID.randomUUID().toString();
        double refusedBefore = count("key_in_flight");

        HalfSentRequest.Answer finished;
        try (HalfSentRequest slow = slow("key-slow-1-" + run); HalfSentRequest abandoned = slow("key-slow-2-" + run)) {
            await().atMost(WAIT).until(() -> admission.inFlight(SLOW_KEY) == 2);

            long started = System.nanoTime();
            HttpResponse<String> refused = postAs(SLOW_KEY, "key-refused-" + run);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(took).as("answered at once, not after the slow ones").isLessThan(Duration.ofSeconds(5));
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(refused.body())).isEqualTo(json("""
                    {"type":"https://paymon.dev/problems/too-many-in-flight","title":"Too many requests in progress",
                     "status":429,"detail":"This API key already has as many publishing requests in progress as \
                    one key may have (2). Nothing was published; retry after 1 second with the same ids.",
                     "instance":"/api/v1/payments"}"""));
            assertThat(send(anonymous("/api/v1/payments").header("Authorization", "Bearer " + SLOW_KEY)
                    .header("Content-Type", JSON)
                    .POST(BodyPublishers.ofString(AdmissionIT.payment("key-bearer-" + run)))).statusCode())
                    .as("the same key as a bearer token counts as the same key").isEqualTo(429);
            assertThat(count("key_in_flight")).isEqualTo(refusedBefore + 2);

            assertThat(postAs(TestApiKeys.ALL, "key-other-" + run).statusCode())
                    .as("another key is admitted").isEqualTo(202);

            finished = slow.finish();
        }

        assertThat(finished.status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> admission.inFlight(SLOW_KEY) == 0);
        assertThat(postAs(SLOW_KEY, "key-later-" + run).statusCode()).isEqualTo(202);
        assertThat(TopicRecords.all(TOPIC)).extracting(r -> CloudEvents.text(r.headers(), HeaderNames.CE_ID))
                .contains("key-slow-1-" + run, "key-other-" + run, "key-later-" + run)
                .doesNotContain("key-slow-2-" + run, "key-refused-" + run, "key-bearer-" + run);
    }

    @Test
    void metricsCountRequestsRefusedForTheirKey() {
        assertThat(management("/actuator/prometheus").body()).contains(
                "paymon_publisher_rejected_total{application=\"publisher-service\",reason=\"key_in_flight\"}");
    }

    private HalfSentRequest slow(String paymentId) {
        return HalfSentRequest.startWithLength(port, "/api/v1/payments", AdmissionIT.payment(paymentId), SLOW_KEY);
    }

    private HttpResponse<String> postAs(String key, String paymentId) {
        return send(anonymous("/api/v1/payments").header(TestApiKeys.HEADER, key).header("Content-Type", JSON)
                .POST(BodyPublishers.ofString(AdmissionIT.payment(paymentId))));
    }

    private double count(String reason) {
        Counter counter = meters.find("paymon.publisher.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
