package dev.paymon.publisher.reference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.FieldViolation;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.RiskTier;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.web.RequestJson;
import dev.paymon.support.web.JsonLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;

class ReferenceRequestParserTests {

    static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    final ReferenceRequestParser parser = new ReferenceRequestParser(Clock.fixed(NOW, ZoneOffset.UTC),
            new Binder(new MapConfigurationPropertySource(Map.of("paymon.publisher.base-currency", "CHF")))
                    .bindOrCreate("paymon.publisher", PublisherProperties.class));

    @Test
    void readsAccountProfileKeyedByThePath() {
        assertThat(parser.account("acc-1", json("""
                {"homeCountry":"DE","riskTier":"HIGH","dailyLimit":"2500.00","currency":"EUR"}""")))
                .isEqualTo(new AccountProfileUpdated("acc-1", "DE", RiskTier.HIGH, new BigDecimal("2500.00"), "EUR",
                        NOW));
    }

    @Test
    void listsEveryBadFieldOfAnAccountProfile() {
        assertThat(violations(() -> parser.account("acc 1", json("""
                {"homeCountry":"Germany","riskTier":"EXTREME","dailyLimit":"12.345","currency":"EUR"}"""))))
                .containsExactly(
                        new FieldViolation("accountId", "must contain only letters, digits, '.', '_', ':' and '-', "
                                + "starting with a letter or digit"),
                        new FieldViolation("homeCountry", "must be an ISO 3166-1 alpha-2 country code, was 'Germany'"),
                        new FieldViolation("riskTier", "must be one of LOW, MEDIUM, HIGH, was 'EXTREME'"),
                        new FieldViolation("dailyLimit", "must have at most 2 decimal places for EUR"));
    }

    @Test
    void readsFxRateAgainstTheConfiguredBaseCurrency() {
        assertThat(parser.fxRate("USD", json("{\"rateToBase\": 0.8875}")))
                .isEqualTo(new FxRateUpdated("USD", new BigDecimal("0.8875"), "CHF", NOW));
    }

    @Test
    void rejectsBadFxRate() {
        assertThat(violations(() -> parser.fxRate("usd", json("{\"rateToBase\": \"-1\"}")))).containsExactly(
                new FieldViolation("currency", "must be an ISO 4217 currency code, was 'usd'"),
                new FieldViolation("rateToBase", "must be greater than 0"));
        assertThat(violations(() -> parser.fxRate("USD", json("{\"rateToBase\": \"0.12345678901\"}"))))
                .containsExactly(new FieldViolation("rateToBase", "must have at most 10 decimal places"));
        assertThat(violations(() -> parser.fxRate("USD", json("{}"))))
                .containsExactly(new FieldViolation("rateToBase", "must not be null"));
    }

    private static List<FieldViolation> violations(Runnable parse) {
        Throwable thrown = catchThrowable(parse::run);
        assertThat(thrown).isInstanceOf(InvalidRequestException.class);
        return ((InvalidRequestException) thrown).violations();
    }

    private static JsonNode json(String text) {
        return new RequestJson(JsonLimits.DEFAULTS).read(text.getBytes(UTF_8));
    }
}
