package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paymon.publisher.FakeEventPublisher;
import dev.paymon.publisher.FakeEventPublisher.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@PaymentWebSlice
class PaymentBatchApiTests {

    static final String P1 = payment("p-1", "acc-1", "10.00");
    static final String P2 = payment("p-2", "acc-2", "20.00");
    static final String INVALID = payment("p-bad", "acc-3", "0").replace("\"DE\"", "\"XX\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeEventPublisher kafka;

    @BeforeEach
    void kafkaIsUp() {
        kafka.reset();
    }

    @Test
    void publishesValidItemsOfJsonArrayAndReportsInvalidOnes() throws Exception {
        postJson("[" + P1 + "," + INVALID + "," + P2 + "]")
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"accepted":2,"rejected":1,"results":[
                          {"index":0,"paymentId":"p-1","status":"ACCEPTED"},
                          {"index":1,"paymentId":"p-bad","status":"REJECTED","errors":[
                            {"field":"amount","message":"must be greater than 0"},
                            {"field":"country","message":"must be an ISO 3166-1 alpha-2 country code, was 'XX'"}]},
                          {"index":2,"paymentId":"p-2","status":"ACCEPTED"}]}""", JsonCompareMode.STRICT));

        assertThat(kafka.sent()).extracting(Sent::key).containsExactly("acc-1", "acc-2");
    }

    @Test
    void readsNdjsonReportingMalformedLinesAsRejectedItems() throws Exception {
        postNdjson(P1 + "\n{\"accountId\":\n\n" + P2 + "\n")
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"accepted":2,"rejected":1,"results":[
                          {"index":0,"paymentId":"p-1","status":"ACCEPTED"},
                          {"index":1,"paymentId":null,"status":"REJECTED","errors":[{"field":"$"}]},
                          {"index":2,"paymentId":"p-2","status":"ACCEPTED"}]}""", JsonCompareMode.LENIENT));

        assertThat(kafka.sent()).extracting(Sent::key).containsExactly("acc-1", "acc-2");
    }

    @Test
    void rejectsEachItemTooFarAheadOfTheClockInJsonArraysAndInNdjson() throws Exception {
        String atTheLimit = P1.replace("}", ",\"occurredAt\":\"2025-05-01T12:05:00Z\"}");
        String beyond = P2.replace("}", ",\"occurredAt\":\"2025-05-01T12:09:00Z\"}");
        String outcome = """
                {"accepted":1,"rejected":1,"results":[
                  {"index":0,"paymentId":"p-1","status":"ACCEPTED"},
                  {"index":1,"paymentId":"p-2","status":"REJECTED","errors":[{"field":"occurredAt",
                   "message":"must not be more than 5m0s ahead of the publisher's clock (was 9m0s ahead)"}]}]}""";

        postJson("[" + atTheLimit + "," + beyond + "]")
                .andExpect(status().isOk())
                .andExpect(content().json(outcome, JsonCompareMode.STRICT));
        postNdjson(atTheLimit + "\n" + beyond + "\n")
                .andExpect(status().isOk())
                .andExpect(content().json(outcome, JsonCompareMode.STRICT));

        assertThat(kafka.sent()).extracting(Sent::key).containsExactly("acc-1", "acc-1");
    }

    @Test
    void acceptsAsyncBatch() throws Exception {
        Answers.of(mvc, post("/api/v1/payments/batch?async=true").contentType(MediaType.APPLICATION_JSON)
                        .content("[" + P1 + "]"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"accepted":1,"rejected":0,"results":[{"index":0,"paymentId":"p-1","status":"ACCEPTED"}]}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void rejectsBatchOverTheItemLimit() throws Exception {
        postJson("[" + P1 + "," + P1 + "," + P1 + "," + P1 + "]")
                .andExpect(status().isContentTooLarge())
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/too-large","title":"Content too large","status":413,
                         "detail":"The batch has 4 items; at most 3 are accepted per request (paymon.publisher.batch.max-items)",
                         "instance":"/api/v1/payments/batch"}""", JsonCompareMode.STRICT));
        assertThat(kafka.sent()).isEmpty();
    }

    @Test
    void rejectsBatchThatIsNoArray() throws Exception {
        postJson(P1)
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"errors":[{"field":"$","message":"must be a JSON array of payments"}]}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void rejectsItemsKafkaDidNotAcknowledge() throws Exception {
        kafka.goDownAfter(1);

        postJson("[" + P1 + "," + P2 + "]")
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"accepted":1,"rejected":1,"results":[
                          {"index":0,"paymentId":"p-1","status":"ACCEPTED"},
                          {"index":1,"paymentId":"p-2","status":"REJECTED","errors":[{"field":"$","message":
                           "Kafka did not acknowledge the event within 5000 ms; nothing was acknowledged for this item, send it again"}]}]}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void answers503WhenKafkaTookNoItem() throws Exception {
        kafka.goDownAfter(0);

        postJson("[" + P1 + "," + INVALID + "]")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersBatchOfOnlyInvalidItemsWithoutKafka() throws Exception {
        kafka.goDownAfter(0);

        postNdjson(INVALID)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"accepted\":0,\"rejected\":1}", JsonCompareMode.LENIENT));
    }

    @Test
    void rejectsUnsupportedBatchMediaType() throws Exception {
        Answers.of(mvc, post("/api/v1/payments/batch").contentType(MediaType.APPLICATION_XML).content("<a/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    static String payment(String paymentId, String accountId, String amount) {
        return """
                {"paymentId":"%s","accountId":"%s","amount":"%s","currency":"EUR","merchantId":"m-1",\
                "merchantCategory":"5411","country":"DE","channel":"TRANSFER"}""".formatted(paymentId, accountId, amount);
    }

    private ResultActions postJson(String json) throws Exception {
        return Answers.of(mvc, post("/api/v1/payments/batch").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions postNdjson(String lines) throws Exception {
        return Answers.of(mvc, post("/api/v1/payments/batch").contentType("application/x-ndjson").content(lines));
    }
}
