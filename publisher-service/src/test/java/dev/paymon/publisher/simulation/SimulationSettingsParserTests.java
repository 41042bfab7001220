package dev.paymon.publisher.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paymon.events.EventJson;
import dev.paymon.events.FieldViolation;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.simulation.SimulationSettings.FraudShare;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SimulationSettingsParserTests {

    final SimulationSettingsParser parser = new SimulationSettingsParser(new PublisherProperties(Duration.ofSeconds(5),
            Duration.ofSeconds(5), "EUR", DataSize.ofMegabytes(1), Duration.ofSeconds(10),
            new PublisherProperties.Batch(1000)));

    @Test
    void fillsInTheDefaultsWithARandomSeed() {
        SimulationSettings settings = parser.parse(null);

        assertThat(settings).isEqualTo(new SimulationSettings(20, 1000, List.of("EUR", "USD", "GBP", "CHF"),
                new FraudShare(0.02, 0.02, 0.02), settings.seed(), null, null));
        assertThat(settings.seed()).isBetween(0L, 999_999_999L);
        assertThat(parser.parse(json("{}")).seed()).isNotEqualTo(settings.seed());
    }

    @Test
    void readsEverySetting() {
        SimulationSettings settings = parser.parse(json("""
                {"ratePerSecond":0.5,"accounts":"300","currencies":["JPY","EUR"],
                 "fraudShare":{"burst":0.5},"seed":7,"durationSeconds":60,"maxPayments":1000}"""));

        assertThat(settings).isEqualTo(new SimulationSettings(0.5, 300, List.of("JPY", "EUR"),
                new FraudShare(0.02, 0.5, 0.02), 7, 60L, 1000L));
    }

    @Test
    void reportsEveryBadSettingAtOnce() {
        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> parser.parse(json("""
                {"ratePerSecond":0,"accounts":100001,"currencies":["EUR","XYZ","ZWL","EUR",1],
                 "fraudShare":{"largeAmount":-0.1,"burst":"x","hop":1},"seed":1.5,"durationSeconds":0,
                 "maxPayments":null,"rate":5}""")));

        // In the documented order, nested fields after their parent, unknown fields last.
        assertThat(invalid.violations()).containsExactly(
                new FieldViolation("ratePerSecond", "must be between 0.1 and 1000, was 0"),
                new FieldViolation("accounts", "must be between 1 and 100000, was 100001"),
                new FieldViolation("currencies[1]", "must be an ISO 4217 currency code"),
                new FieldViolation("currencies[2]", "the simulator has no FX rate for ZWL; it knows "
                        + String.join(", ", SimulatedCurrencies.codes())),
                new FieldViolation("currencies[3]", "EUR is listed twice"),
                new FieldViolation("currencies[4]", "must be an ISO 4217 currency code"),
                new FieldViolation("fraudShare.largeAmount", "must be between 0 and 1, was -0.1"),
                new FieldViolation("fraudShare.burst", "must be a decimal number, was 'x'"),
                new FieldViolation("seed", "must be a whole number, was 1.5"),
                new FieldViolation("durationSeconds", "must be between 1 and 2592000, was 0"),
                new FieldViolation("rate", "is not a setting; known are ratePerSecond, accounts, currencies, "
                        + "fraudShare, seed, durationSeconds, maxPayments"),
                new FieldViolation("fraudShare.hop", "is not a setting; known are largeAmount, burst, countryHop"));
    }

    @Test
    void refusesSharesAddingUpToMoreThanOne() {
        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class, () -> parser.parse(
                json("{\"fraudShare\":{\"largeAmount\":0.5,\"burst\":0.4,\"countryHop\":0.2}}")));

        assertThat(invalid.violations()).containsExactly(
                new FieldViolation("fraudShare", "the shares must add up to at most 1, were 1.1"));
        assertThat(parser.parse(json("{\"fraudShare\":{\"largeAmount\":0.1,\"burst\":0.2,\"countryHop\":0.7}}"))
                .fraudShare()).isEqualTo(new FraudShare(0.1, 0.2, 0.7));
    }

    @Test
    void refusesWrongShapes() {
        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class, () -> parser.parse(
                json("{\"currencies\":\"EUR\",\"fraudShare\":0.1}")));

        assertThat(invalid.violations()).containsExactly(
                new FieldViolation("currencies", "must be a non-empty array of ISO 4217 codes"),
                new FieldViolation("fraudShare", "must be an object {largeAmount, burst, countryHop}"));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> parser.parse(json("[]"))).violations())
                .containsExactly(new FieldViolation("$", "must be a JSON object"));
    }

    static tools.jackson.databind.JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text);
    }
}
