package dev.paymon.publisher.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Topics;
import dev.paymon.publisher.FakeEventPublisher;
import dev.paymon.publisher.FakeEventPublisher.Sent;
import dev.paymon.publisher.WebSliceTestConfiguration;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = ReferenceController.class)
@Import({ReferenceRequestParser.class, WebSliceTestConfiguration.class})
class ReferenceApiTests {

    static final String ACCOUNT = """
            {"homeCountry":"DE","riskTier":"MEDIUM","dailyLimit":"5000.00","currency":"EUR"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeEventPublisher kafka;

    @BeforeEach
    void kafkaIsUp() {
        kafka.reset();
    }

    @Test
    void publishesAccountProfileKeyedByAccount() throws Exception {
        mvc.perform(put("/api/v1/accounts/acc-7").contentType(MediaType.APPLICATION_JSON).content(ACCOUNT))
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"accountId":"acc-7","topic":"reference.accounts.v1","partition":0,"offset":0}""",
                        JsonCompareMode.STRICT));

        assertThat(kafka.sent()).containsExactly(new Sent(Topics.ACCOUNTS_REFERENCE.name(), "acc-7",
                new AccountProfileUpdated("acc-7", "DE", RiskTier.MEDIUM, new BigDecimal("5000.00"), "EUR",
                        WebSliceTestConfiguration.NOW)));
    }

    @Test
    void publishesFxRateAgainstTheBaseCurrencyKeyedByCurrency() throws Exception {
        mvc.perform(put("/api/v1/fx-rates/USD").contentType(MediaType.APPLICATION_JSON).content("{\"rateToBase\":\"0.92\"}"))
                .andExpect(status().isAccepted())
                .andExpect(content().json("""
                        {"currency":"USD","topic":"reference.fx-rates.v1","partition":0,"offset":0}""",
                        JsonCompareMode.STRICT));

        assertThat(kafka.sent()).containsExactly(new Sent(Topics.FX_RATES_REFERENCE.name(), "USD",
                new FxRateUpdated("USD", new BigDecimal("0.92"), "EUR", WebSliceTestConfiguration.NOW)));
    }

    @Test
    void rejectsAccountProfileListingEveryBadField() throws Exception {
        mvc.perform(put("/api/v1/accounts/acc-7").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeCountry\":1,\"riskTier\":\"NONE\",\"dailyLimit\":\"lots\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"type":"https://paymon.dev/problems/validation","title":"Invalid request","status":400,
                         "detail":"4 fields are invalid: homeCountry, riskTier, dailyLimit, currency",
                         "instance":"/api/v1/accounts/acc-7",
                         "errors":[
                          {"field":"homeCountry","message":"must be a string"},
                          {"field":"riskTier","message":"must be one of LOW, MEDIUM, HIGH, was 'NONE'"},
                          {"field":"dailyLimit","message":"must be a decimal number, was 'lots'"},
                          {"field":"currency","message":"must not be null"}]}""", JsonCompareMode.STRICT));
        assertThat(kafka.sent()).isEmpty();
    }

    @Test
    void rejectsUnknownCurrencyInThePath() throws Exception {
        mvc.perform(put("/api/v1/fx-rates/EURO").contentType(MediaType.APPLICATION_JSON).content("{\"rateToBase\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"errors":[{"field":"currency","message":"must be an ISO 4217 currency code, was 'EURO'"}]}""",
                        JsonCompareMode.LENIENT));
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        kafka.goDownAfter(0);

        mvc.perform(put("/api/v1/accounts/acc-7").contentType(MediaType.APPLICATION_JSON).content(ACCOUNT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersPostWithMethodNotAllowed() throws Exception {
        mvc.perform(post("/api/v1/fx-rates/USD").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "PUT"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        mvc.perform(put("/api/v1/fx-rates/USD").contentType(MediaType.APPLICATION_JSON).content("{rateToBase: 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"type\":\"https://paymon.dev/problems/malformed-json\"}",
                        JsonCompareMode.LENIENT));
    }
}
