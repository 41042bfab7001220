package dev.paymon.publisher.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.events.Channel;
import dev.paymon.events.FieldViolation;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.web.RequestJson;
import dev.paymon.support.web.JsonLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;

class PaymentRequestParserTests {

    static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    final PaymentRequestParser parser = parser(Map.of());

    @Test
    void readsEveryFieldOfAValidPayment() {
        PaymentInitiated payment = parser.parse(json("""
                {"paymentId":"p-1","accountId":"acc-1","amount":"12.50","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"CARD_PRESENT","occurredAt":"2025-05-01T11:00:00Z"}
                """));

        assertThat(payment).isEqualTo(new PaymentInitiated("p-1", "acc-1", new BigDecimal("12.50"), "EUR", "m-1",
                "5411", "DE", Channel.CARD_PRESENT, Instant.parse("2025-05-01T11:00:00Z")));
    }

    @Test
    void generatesPaymentIdAndTakesNowWhenAbsent() {
        PaymentInitiated payment = parser.parse(json(valid("")));

        assertThat(UUID.fromString(payment.paymentId())).hasToString(payment.paymentId());
        assertThat(payment.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void keepsAmountsGivenAsJsonNumbersExactly() {
        PaymentInitiated payment = parser.parse(json(valid(", \"amount\": 1234567890123.45")));

        assertThat(payment.amount()).isEqualTo(new BigDecimal("1234567890123.45"));
    }

    @Test
    void acceptsAnOffsetTimeAndOneExactlyAtTheLimitAhead() {
        assertThat(parser.parse(json(valid(", \"occurredAt\": \"2025-05-01T14:00:00+02:00\""))).occurredAt())
                .isEqualTo(NOW);
        assertThat(parser.parse(json(valid(", \"occurredAt\": \"2025-05-01T12:00:10Z\""))).occurredAt())
                .isEqualTo(NOW.plusSeconds(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-05-01T12:04:00Z           | 4m0s",
            "2025-05-01T12:00:10.001Z       | 10.001s",
            "2025-05-01T12:00:10.000000001Z | 10.001s",
            "2025-05-03T14:00:01.5Z         | 50h0m1.5s"})
    void rejectsAnOccurredAtFurtherAheadNamingTheLimitAndHowFar(String occurredAt, String ahead) {
        assertThat(violations(valid(", \"occurredAt\": \"" + occurredAt + "\""))).containsExactly(
                new FieldViolation("occurredAt", "must not be more than 10s ahead of the publisher's clock (was "
                        + ahead + " ahead)"));
    }

    @Test
    void honoursAConfiguredLimit() {
        PaymentRequestParser lenient = parser(Map.of("paymon.publisher.max-event-time-ahead", "5m"));

        assertThat(lenient.parse(json(valid(", \"occurredAt\": \"2025-05-01T12:04:00Z\""))).occurredAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(lenient.parse(json(valid(", \"occurredAt\": \"2025-05-01T12:05:00Z\""))).occurredAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> lenient.parse(json(valid(", \"occurredAt\": \"2025-05-01T12:05:01Z\""))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("occurredAt", "must not be more than 5m0s ahead of the publisher's clock "
                                + "(was 5m1s ahead)")));
    }

    @Test
    void aLimitOfZeroRefusesAnythingAheadAndANegativeOneIsNoSetting() {
        PaymentRequestParser strict = parser(Map.of("paymon.publisher.max-event-time-ahead", "0s"));

        assertThat(strict.parse(json(valid(", \"occurredAt\": \"2025-05-01T12:00:00Z\""))).occurredAt())
                .isEqualTo(NOW);
        assertThatThrownBy(() -> strict.parse(json(valid(", \"occurredAt\": \"2025-05-01T12:00:00.250Z\""))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("occurredAt", "must not be more than 0s ahead of the publisher's clock "
                                + "(was 250ms ahead)")));
        assertThatThrownBy(() -> parser(Map.of("paymon.publisher.max-event-time-ahead", "-1s")))
                .rootCause().hasMessage("paymon.publisher.max-event-time-ahead must not be negative, was PT-1S");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PT0S | 0s", "PT0.25S | 250ms", "PT10S | 10s", "PT1M30S | 1m30s",
            "PT4M | 4m0s", "PT1H | 1h0m0s", "PT26H0M1.05S | 26h0m1.05s"})
    void writesDurationsAsTheyAreConfigured(Duration duration, String text) {
        assertThat(PaymentRequestParser.text(duration)).isEqualTo(text);
    }

    @Test
    void listsEveryBadFieldAtOnce() {
        assertThat(violations("""
                {"paymentId":"bad id","amount":"abc","currency":"ABC","merchantId":"m-1","merchantCategory":7,
                 "country":"ZZ","channel":"CASH","occurredAt":"2025-05-02T12:00:01Z"}
                """)).containsExactly(
                new FieldViolation("paymentId", "must contain only letters, digits, '.', '_', ':' and '-', "
                        + "starting with a letter or digit"),
                new FieldViolation("accountId", "must not be blank"),
                new FieldViolation("amount", "must be a decimal number, was 'abc'"),
                new FieldViolation("currency", "must be an ISO 4217 currency code, was 'ABC'"),
                new FieldViolation("merchantCategory", "must be a string"),
                new FieldViolation("country", "must be an ISO 3166-1 alpha-2 country code, was 'ZZ'"),
                new FieldViolation("channel", "must be one of CARD_PRESENT, ECOMMERCE, TRANSFER, ATM, was 'CASH'"),
                new FieldViolation("occurredAt", "must not be more than 10s ahead of the publisher's clock (was "
                        + "24h0m1s ahead)"));
    }

    @Test
    void rejectsEmptyObjectListingEveryRequiredField() {
        assertThat(violations("{}")).extracting(FieldViolation::field).containsExactly("accountId", "amount",
                "currency", "merchantId", "merchantCategory", "country", "channel");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"amount\": {\"value\": 1}      | amount     | must be a decimal number or a string holding one",
            "\"amount\": true                 | amount     | must be a decimal number or a string holding one",
            "\"amount\": \"0\"                | amount     | must be greater than 0",
            "\"amount\": -5                   | amount     | must be greater than 0",
            "\"amount\": \"1.005\"            | amount     | must have at most 2 decimal places for EUR",
            "\"amount\": \"1e16\"             | amount     | must have at most 15 digits before the decimal point",
            "\"currency\": \"eur\"            | currency   | must be an ISO 4217 currency code, was 'eur'",
            "\"country\": \"DEU\"             | country    | must be an ISO 3166-1 alpha-2 country code, was 'DEU'",
            "\"channel\": \"ecommerce\"       | channel    | must be one of CARD_PRESENT, ECOMMERCE, TRANSFER, ATM, was 'ecommerce'",
            "\"channel\": 1                   | channel    | must be a string",
            "\"occurredAt\": \"yesterday\"    | occurredAt | must be an ISO-8601 instant such as 2025-05-01T12:00:00Z, was 'yesterday'",
            "\"paymentId\": 42                | paymentId  | must be a string",
            "\"paymentId\": \"  \"            | paymentId  | must not be blank",
            "\"accountId\": \"acc/1\"         | accountId  | must contain only letters, digits, '.', '_', ':' and '-', starting with a letter or digit",
            "\"merchantId\": \"\"             | merchantId | must not be blank"})
    void rejectsBadField(String override, String field, String message) {
        assertThat(violations(valid(", " + override))).containsExactly(new FieldViolation(field, message));
    }

    @Test
    void rejectsDecimalsForCurrenciesWithoutMinorUnits() {
        assertThat(violations(valid(", \"amount\": \"100.5\", \"currency\": \"JPY\"")))
                .containsExactly(new FieldViolation("amount", "must have at most 0 decimal places for JPY"));
        assertThat(parser.parse(json(valid(", \"amount\": \"100\", \"currency\": \"JPY\""))).amount())
                .isEqualTo(new BigDecimal("100"));
    }

    @Test
    void rejectsOverLongIdWithoutEchoingIt() {
        assertThat(violations(valid(", \"paymentId\": \"" + "p".repeat(65) + "\"")))
                .containsExactly(new FieldViolation("paymentId", "must be at most 64 characters"));
    }

    @Test
    void rejectsAnythingButAnObject() {
        assertThat(violations("[]")).containsExactly(new FieldViolation("$", "must be a JSON object"));
    }

    @Test
    void findsTheClientsPaymentIdEvenInAnInvalidItem() {
        assertThat(PaymentRequestParser.paymentIdOf(json("{\"paymentId\":\"p-9\",\"amount\":\"x\"}"))).isEqualTo("p-9");
        assertThat(PaymentRequestParser.paymentIdOf(json("{\"paymentId\":9}"))).isNull();
    }

    /** A valid payment without paymentId and occurredAt; {@code overrides} replace fields (later keys win). */
    static String valid(String overrides) {
        String base = "\"accountId\":\"acc-1\",\"amount\":\"12.50\",\"currency\":\"EUR\",\"merchantId\":\"m-1\","
                + "\"merchantCategory\":\"5411\",\"country\":\"DE\",\"channel\":\"ECOMMERCE\"";
        return "{" + withoutOverridden(base, overrides) + overrides + "}";
    }

    private static String withoutOverridden(String base, String overrides) {
        StringBuilder kept = new StringBuilder();
        for (String field : base.split(",")) {
            String name = field.substring(0, field.indexOf(':'));
            if (!overrides.contains(name + ":") && !overrides.contains(name + " :")) {
                kept.append(kept.length() == 0 ? "" : ",").append(field);
            }
        }
        return kept.toString();
    }

    /** A parser at {@link #NOW} with the publisher's settings: the defaults, but for {@code settings}. */
    private static PaymentRequestParser parser(Map<String, String> settings) {
        return new PaymentRequestParser(Clock.fixed(NOW, ZoneOffset.UTC),
                new Binder(new MapConfigurationPropertySource(settings))
                        .bindOrCreate("paymon.publisher", PublisherProperties.class));
    }

    private List<FieldViolation> violations(String body) {
        try {
            parser.parse(json(body));
        } catch (InvalidRequestException e) {
            return e.violations();
        }
        throw new AssertionError("accepted " + body);
    }

    private static JsonNode json(String text) {
        return new RequestJson(JsonLimits.DEFAULTS).read(text.getBytes(StandardCharsets.UTF_8));
    }
}
