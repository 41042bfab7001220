package dev.paymon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** JSON written by {@link EventJson} validates against the schemas, and JSON that breaks the contract does not. */
class EventSchemaValidationTests {

    private static final String PAYMENT = EventTypes.PAYMENT_INITIATED.schemaResource();
    private static final String ENRICHED = EventTypes.PAYMENT_ENRICHED.schemaResource();

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void eventWrittenByEventJsonValidatesAgainstItsSchema(EventType<?> type) {
        assertThat(JsonSchemas.errors(type.schemaResource(), Samples.json(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void acceptsUnknownAdditionalField(EventType<?> type) {
        ObjectNode json = sample(type);
        json.put("addedInALaterRelease", "whatever");

        assertThat(JsonSchemas.errors(type.schemaResource(), json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void rejectsNewerSchemaVersion(EventType<?> type) {
        ObjectNode json = sample(type);
        json.put(EventJson.VERSION_FIELD, type.version() + 1);

        assertThat(JsonSchemas.errors(type.schemaResource(), json)).containsExactly("/schemaVersion const");
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void rejectsEventWithoutSchemaVersion(EventType<?> type) {
        ObjectNode json = sample(type);
        json.remove(EventJson.VERSION_FIELD);

        assertThat(JsonSchemas.errors(type.schemaResource(), json)).containsExactly(" required schemaVersion");
    }

    @Test
    void rejectsAmountWrittenAsJsonNumber() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("amount", new BigDecimal("1000.00"));

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/amount type", "/amount not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1", "10.5", "10.50", "10.500", "1000.00", "999999999999.99"})
    void acceptsAmountWithAtMostTwoSignificantDecimals(String amount) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("amount", amount);

        assertThat(JsonSchemas.errors(PAYMENT, json)).isEmpty();
    }

    @Test
    void rejectsZeroAmount() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("amount", "0.00");

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/amount not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5.00", "10.005", "1E+3", "1e3", "1,000.00", "010.00", "10.", ".5", " 10.00", ""})
    void rejectsAmountThatIsNotAPlainPositiveDecimalWithTwoDecimals(String amount) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("amount", amount);

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/amount pattern");
    }

    @Test
    void rejectsPaymentWithoutChannel() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.remove("channel");

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly(" required channel");
    }

    @Test
    void rejectsUnknownChannel() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("channel", "CARRIER_PIGEON");

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/channel enum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "E1R", ""})
    void rejectsCurrencyThatIsNotThreeUpperCaseLetters(String currency) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("currency", currency);

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/currency pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "DEU", "D"})
    void rejectsCountryThatIsNotTwoUpperCaseLetters(String country) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("country", country);

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/country pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-14T09:26:53Z", "2025-03-14T09:26:53.5Z", "2025-03-14T09:26:53.123456789Z"})
    void acceptsUtcInstantAsJavaWritesIt(String occurredAt) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("occurredAt", occurredAt);

        assertThat(JsonSchemas.errors(PAYMENT, json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-14T10:26:53+01:00", "2025-03-14 09:26:53Z", "2025-03-14T09:26Z", "yesterday"})
    void rejectsOccurredAtThatIsNotAnIsoInstantInUtc(String occurredAt) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("occurredAt", occurredAt);

        assertThat(JsonSchemas.errors(PAYMENT, json)).contains("/occurredAt pattern");
    }

    @Test
    void rejectsImpossibleDateEvenInTheRightShape() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("occurredAt", "2025-13-45T09:26:53Z");

        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/occurredAt format");
    }

    @Test
    void acceptsIdOf64CharactersAndRejectsOneOf65() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("paymentId", "p".repeat(64));
        assertThat(JsonSchemas.errors(PAYMENT, json)).isEmpty();

        json.put("paymentId", "p".repeat(65));
        assertThat(JsonSchemas.errors(PAYMENT, json)).containsExactly("/paymentId maxLength");
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "pay\n1", "pay\u00851"})
    void rejectsBlankIdOrIdWithControlCharacters(String paymentId) {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("paymentId", paymentId);

        assertThat(JsonSchemas.errors(PAYMENT, json)).isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith("/paymentId "));
    }

    @Test
    void acceptsEnrichedPaymentOfAnAccountWithoutProfile() {
        ObjectNode json = sample(EventTypes.PAYMENT_ENRICHED);
        json.putNull("riskTier");
        assertThat(JsonSchemas.errors(ENRICHED, json)).isEmpty();

        json.remove("riskTier");
        assertThat(JsonSchemas.errors(ENRICHED, json)).isEmpty();
    }

    @Test
    void rejectsNestedPaymentWithAmountAsNumberOrWithoutCurrency() {
        ObjectNode json = sample(EventTypes.PAYMENT_ENRICHED);
        ObjectNode payment = (ObjectNode) json.get("payment");
        payment.put("amount", 1000.0);
        payment.remove("currency");

        assertThat(JsonSchemas.errors(ENRICHED, json))
                .containsExactlyInAnyOrder("/payment/amount type", "/payment/amount not", "/payment required currency");
    }

    @Test
    void rejectsFlaggedPaymentWithoutAlertsAndAcceptedPaymentWithAlerts() {
        ObjectNode flagged = sample(EventTypes.PAYMENT_ENRICHED);
        flagged.putArray("alertIds");
        assertThat(JsonSchemas.errors(ENRICHED, flagged)).containsExactly("/alertIds minItems");

        ObjectNode accepted = sample(EventTypes.PAYMENT_ENRICHED);
        accepted.put("status", "ACCEPTED");
        assertThat(JsonSchemas.errors(ENRICHED, accepted)).containsExactly("/alertIds maxItems");
    }

    @Test
    void rejectsAlertWithoutPayments() {
        ObjectNode json = sample(EventTypes.ALERT_RAISED);
        json.putArray("paymentIds");

        assertThat(JsonSchemas.errors(EventTypes.ALERT_RAISED.schemaResource(), json))
                .containsExactly("/paymentIds minItems");
    }

    @Test
    void rejectsActivityWithNegativeCountOrNegativeTotal() {
        ObjectNode json = sample(EventTypes.ACCOUNT_ACTIVITY);
        json.put("count", -1);
        json.put("totalBase", "-10.00");

        assertThat(JsonSchemas.errors(EventTypes.ACCOUNT_ACTIVITY.schemaResource(), json))
                .containsExactlyInAnyOrder("/count minimum", "/totalBase pattern");
    }

    @Test
    void acceptsRatesAndConvertedAmountsWithManyDecimals() {
        ObjectNode rate = sample(EventTypes.FX_RATE_UPDATED);
        rate.put("rateToBase", "0.0064123456789");
        assertThat(JsonSchemas.errors(EventTypes.FX_RATE_UPDATED.schemaResource(), rate)).isEmpty();

        ObjectNode enriched = sample(EventTypes.PAYMENT_ENRICHED);
        enriched.put("amountBase", "6.412345");
        assertThat(JsonSchemas.errors(ENRICHED, enriched)).isEmpty();
    }

    @Test
    void fxRateVersion1WithOrWithoutVersionFieldValidatesAgainstTheVersion1SchemaOnly() {
        String v1 = JsonSchemas.resource(EventTypes.FX_RATE_UPDATED, 1);
        String v2 = EventTypes.FX_RATE_UPDATED.schemaResource();
        ObjectNode legacy = (ObjectNode) EventJson.MAPPER.readTree("""
                {"currency": "USD", "rateToBase": "0.921345", "updatedAt": "2025-03-14T06:00:00Z"}
                """);
        assertThat(JsonSchemas.errors(v1, legacy)).isEmpty();

        legacy.put(EventJson.VERSION_FIELD, 1);
        assertThat(JsonSchemas.errors(v1, legacy)).isEmpty();
        assertThat(JsonSchemas.errors(v2, legacy)).containsExactlyInAnyOrder(
                " required baseCurrency", "/schemaVersion const");
        assertThat(JsonSchemas.errors(v1, Samples.json(EventTypes.FX_RATE_UPDATED)))
                .containsExactly("/schemaVersion const");
    }

    private static ObjectNode sample(EventType<?> type) {
        return (ObjectNode) EventJson.MAPPER.readTree(Samples.json(type));
    }
}
