package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.publisher.FakeEventPublisher;
import dev.paymon.publisher.WebSliceTestConfiguration;
import dev.paymon.testing.TestApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The per-key rate limit on the payments API: a burst of 2, then one request per 100 s, per key. A batch is one
 * request.
 */
@WebMvcTest(controllers = PaymentController.class, properties = {
        "paymon.publisher.rate-limit.enabled=true",
        "paymon.publisher.rate-limit.requests-per-second=0.01",
        "paymon.publisher.rate-limit.burst=2"})
@Import({PaymentIntake.class, PaymentRequestParser.class, PaymentMetrics.class, WebSliceTestConfiguration.class})
class PaymentRateLimitTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FakeEventPublisher kafka;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void kafkaIsUp() {
        kafka.reset();
    }

    @Test
    void refusesAKeyOverItsLimitWithRetryAfterAndCountsIt() {
        double rateLimited = rateLimited();
        assertThat(payment(TestApiKeys.INGEST)).hasStatus(HttpStatus.ACCEPTED);
        assertThat(payment(TestApiKeys.INGEST)).hasStatus(HttpStatus.ACCEPTED);

        MvcTestResult refused = payment(TestApiKeys.INGEST);

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String retryAfter = refused.getResponse().getHeader("Retry-After");
        // 1 token at 0.01/s is 100 s away; a little less once some time has passed, rounded up
        assertThat(Long.parseLong(retryAfter)).isBetween(90L, 100L);
        assertThat(refused).bodyJson().isStrictlyEqualTo("""
                {"type": "https://paymon.dev/problems/rate-limited", "title": "Rate limit exceeded", "status": 429,
                 "detail": "This API key sent more requests than its rate limit allows; retry after %s seconds.",
                 "instance": "/api/v1/payments"}""".formatted(retryAfter));
        assertThat(kafka.sent()).hasSize(2);
        assertThat(rateLimited()).isEqualTo(rateLimited + 1);
    }

    @Test
    void countsABatchAsOneRequestAndEachKeyOnItsOwn() {
        String batch = "[" + String.join(",", PaymentApiTests.PAYMENT, PaymentApiTests.PAYMENT.replace("p-1", "p-2"),
                PaymentApiTests.PAYMENT.replace("p-1", "p-3")) + "]";

        assertThat(mvc.post().uri("/api/v1/payments/batch").header(TestApiKeys.HEADER, TestApiKeys.ALL)
                .contentType(MediaType.APPLICATION_JSON).content(batch)).hasStatusOk();
        assertThat(payment(TestApiKeys.ALL)).hasStatus(HttpStatus.ACCEPTED);
        assertThat(payment(TestApiKeys.ALL)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(kafka.sent()).hasSize(4);
    }

    private double rateLimited() {
        var counter = meters.find("paymon.publisher.rejected").tag("reason", "rate_limited").counter();
        return counter == null ? 0 : counter.count();
    }

    private MvcTestResult payment(String key) {
        return mvc.post().uri("/api/v1/payments").header(TestApiKeys.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).content(PaymentApiTests.PAYMENT).exchange();
    }
}
