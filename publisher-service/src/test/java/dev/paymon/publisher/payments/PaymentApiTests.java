package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paymon.events.Channel;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import dev.paymon.publisher.FakeEventPublisher;
import dev.paymon.publisher.FakeEventPublisher.Sent;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@PaymentWebSlice
class PaymentApiTests {

    static final String PAYMENT = """
            {"paymentId":"p-1","accountId":"acc-1","amount":"12.50","currency":"EUR","merchantId":"m-1",
             "merchantCategory":"5411","country":"DE","channel":"ECOMMERCE","occurredAt":"2025-05-01T11:59:00Z"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeEventPublisher kafka;

    @BeforeEach
    void kafkaIsUp() {
        kafka.reset();
    }

    @Test
    void publishesPaymentKeyedByAccountAndAnswersWithItsPosition() throws Exception {
        postPayment(PAYMENT)
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"paymentId":"p-1","topic":"payments.initiated.v1","partition":0,"offset":0}""",
                        JsonCompareMode.STRICT));

        assertThat(kafka.sent()).containsExactly(new Sent(Topics.PAYMENTS_INITIATED.name(), "acc-1",
                new PaymentInitiated("p-1", "acc-1", new BigDecimal("12.50"), "EUR", "m-1", "5411", "DE",
                        Channel.ECOMMERCE, Instant.parse("2025-05-01T11:59:00Z"))));
    }

    @Test
    void answersAsyncPaymentWithItsIdOnly() throws Exception {
        Answers.of(mvc, post("/api/v1/payments?async=true").contentType(MediaType.APPLICATION_JSON).content(PAYMENT))
                .andExpect(status().isAccepted())
                .andExpect(content().json("{\"paymentId\":\"p-1\"}", JsonCompareMode.STRICT));

        assertThat(kafka.sent()).hasSize(1);
    }

    @Test
    void rejectsPaymentListingEveryBadField() throws Exception {
        postPayment("""
                {"paymentId":"p 1","accountId":"acc-1","amount":{"value":"12"},"currency":"EURO","merchantId":"m-1",
                 "country":"XX","channel":"CASH","occurredAt":"2025-05-02T12:00:01Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/validation","title":"Invalid request","status":400,
                         "detail":"7 fields are invalid: paymentId, amount, currency, merchantCategory, country, channel, occurredAt",
                         "instance":"/api/v1/payments",
                         "errors":[
                          {"field":"paymentId","message":"must contain only letters, digits, '.', '_', ':' and '-', starting with a letter or digit"},
                          {"field":"amount","message":"must be a decimal number or a string holding one"},
                          {"field":"currency","message":"must be an ISO 4217 currency code, was 'EURO'"},
                          {"field":"merchantCategory","message":"must not be blank"},
                          {"field":"country","message":"must be an ISO 3166-1 alpha-2 country code, was 'XX'"},
                          {"field":"channel","message":"must be one of CARD_PRESENT, ECOMMERCE, TRANSFER, ATM, was 'CASH'"},
                          {"field":"occurredAt","message":"must not be more than 5m0s ahead of the publisher's clock (was 24h0m1s ahead)"}]}""",
                        JsonCompareMode.STRICT));
        assertThat(kafka.sent()).isEmpty();
    }

    @Test
    void acceptsAPaymentAheadOfTheClockUpToTheConfiguredLimitAndRefusesOneFurther() throws Exception {
        postPayment(PAYMENT.replace("2025-05-01T11:59:00Z", "2025-05-01T12:05:00Z"))
                .andExpect(status().isAccepted());
        postPayment(PAYMENT.replace("2025-05-01T11:59:00Z", "2025-05-01T12:05:00.001Z"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/validation","status":400,
                         "detail":"1 field is invalid: occurredAt",
                         "errors":[{"field":"occurredAt",
                                    "message":"must not be more than 5m0s ahead of the publisher's clock (was 5m0.001s ahead)"}]}""",
                        JsonCompareMode.LENIENT));

        assertThat(kafka.sent()).extracting(sent -> ((PaymentInitiated) sent.event()).occurredAt())
                .containsExactly(Instant.parse("2025-05-01T12:05:00Z"));
    }

    @Test
    void rejectsPaymentWithNegativeAmount() throws Exception {
        postPayment(PAYMENT.replace("\"12.50\"", "\"-12.50\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"errors":[{"field":"amount","message":"must be greater than 0"}]}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        postPayment("{\"accountId\": \"acc-1\",")
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/malformed-json","title":"Malformed JSON","status":400,
                         "detail":"Malformed JSON at line 1, column 23: Unexpected end-of-input within/between Object entries",
                         "instance":"/api/v1/payments"}""", JsonCompareMode.STRICT));
    }

    @Test
    void rejectsMissingBody() throws Exception {
        Answers.of(mvc, post("/api/v1/payments").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsJsonThatIsNoObject() throws Exception {
        postPayment("[1, 2]")
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"errors\":[{\"field\":\"$\",\"message\":\"must be a JSON object\"}]}",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void rejectsUnsupportedMediaType() throws Exception {
        Answers.of(mvc, post("/api/v1/payments").contentType(MediaType.TEXT_PLAIN).content(PAYMENT))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Accept", "application/json"))
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/unsupported-media-type","title":"Unsupported Media Type",
                         "status":415,"detail":"Content-Type 'text/plain' is not supported.",
                         "instance":"/api/v1/payments"}""", JsonCompareMode.STRICT));
    }

    @Test
    void rejectsBodyOverTheSizeLimit() throws Exception {
        String tooLarge = PAYMENT.replace("\"m-1\"", "\"" + "m".repeat(2048) + "\"");

        postPayment(tooLarge)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/too-large","title":"Content too large","status":413,
                         "detail":"The request body declares %d bytes; at most 2048 bytes are accepted",
                         "instance":"/api/v1/payments"}""".formatted(tooLarge.length()), JsonCompareMode.STRICT));
        assertThat(kafka.sent()).isEmpty();
    }

    @Test
    void answersUnknownPathWithNotFoundProblem() throws Exception {
        Answers.of(mvc, get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/not-found","title":"Not Found","status":404}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void answersWrongMethodWithMethodNotAllowedProblem() throws Exception {
        Answers.of(mvc, delete("/api/v1/payments"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/method-not-allowed","title":"Method Not Allowed",
                         "status":405,"detail":"Method 'DELETE' is not supported.","instance":"/api/v1/payments"}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void rejectsAsyncFlagThatIsNoBoolean() throws Exception {
        Answers.of(mvc, post("/api/v1/payments?async=maybe").contentType(MediaType.APPLICATION_JSON).content(PAYMENT))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(kafka.sent()).isEmpty();
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        kafka.goDownAfter(0);

        postPayment(PAYMENT)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/kafka-unavailable","title":"Kafka unavailable",
                         "status":503,"instance":"/api/v1/payments",
                         "detail":"Kafka did not acknowledge the event within 5000 ms. Nothing was acknowledged; retry with the same ids."}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void answers503ForAsyncPaymentTheProducerCannotTake() throws Exception {
        kafka.goDownAfter(0);

        Answers.of(mvc, post("/api/v1/payments?async=true").contentType(MediaType.APPLICATION_JSON).content(PAYMENT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"));
    }

    private ResultActions postPayment(String json) throws Exception {
        return Answers.of(mvc, post("/api/v1/payments").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
