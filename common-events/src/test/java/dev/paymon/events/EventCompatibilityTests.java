package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Readers accept the previous version of an event and additive changes, and refuse versions they do not know. */
class EventCompatibilityTests {

    private static final FxRateUpdated USD_IN_EUR = new FxRateUpdated("USD", new BigDecimal("0.921345"), "EUR",
            Instant.parse("2025-03-14T06:00:00Z"));

    @ParameterizedTest
    @ValueSource(strings = {"", ", \"schemaVersion\": 1"})
    void readsVersion1FxRateAsVersion2QuotedAgainstEur(String versionField) {
        byte[] v1 = ("{\"currency\": \"USD\", \"rateToBase\": \"0.921345\", \"updatedAt\": \"2025-03-14T06:00:00Z\""
                + versionField + "}").getBytes(UTF_8);

        assertThat(JsonSchemas.errors(JsonSchemas.resource(EventTypes.FX_RATE_UPDATED, 1), v1)).isEmpty();
        assertThat(EventJson.read(EventTypes.FX_RATE_UPDATED, v1)).isEqualTo(USD_IN_EUR);
    }

    @Test
    void upgradedVersion1FxRateIsWrittenAgainAsValidVersion2() {
        byte[] v1 = """
                {"currency": "USD", "rateToBase": "0.921345", "updatedAt": "2025-03-14T06:00:00Z"}
                """.getBytes(UTF_8);

        byte[] rewritten = EventJson.write(EventTypes.FX_RATE_UPDATED, EventJson.read(EventTypes.FX_RATE_UPDATED, v1));

        assertThat(JsonSchemas.errors(EventTypes.FX_RATE_UPDATED.schemaResource(), rewritten)).isEmpty();
        assertThat(EventJson.MAPPER.readTree(rewritten)).isEqualTo(EventJson.MAPPER.readTree("""
                {"currency": "USD", "rateToBase": "0.921345", "baseCurrency": "EUR",
                 "updatedAt": "2025-03-14T06:00:00Z", "schemaVersion": 2}
                """));
    }

    @Test
    void serdeReadsVersion1FxRateRecordWithItsCloudEventsType() {
        Headers headers = new RecordHeaders();
        headers.add(HeaderNames.CE_TYPE, "dev.paymon.fx-rate.updated".getBytes(UTF_8));
        byte[] v1 = """
                {"currency": "USD", "rateToBase": "0.921345", "updatedAt": "2025-03-14T06:00:00Z", "schemaVersion": 1}
                """.getBytes(UTF_8);

        assertThat(Topics.FX_RATES_REFERENCE.valueSerde("/paymon/test").deserializer()
                .deserialize(Topics.FX_RATES_REFERENCE.name(), headers, v1)).isEqualTo(USD_IN_EUR);
    }

    /** {@code late} was added within version 1: a record of an earlier release has none and is not late. */
    @Test
    void readsAnEnrichedPaymentWithoutTheLateFieldAsNotLate() {
        ObjectNode json = sample(EventTypes.PAYMENT_ENRICHED);
        json.remove("late");
        byte[] earlier = EventJson.MAPPER.writeValueAsBytes(json);

        assertThat(JsonSchemas.errors(EventTypes.PAYMENT_ENRICHED.schemaResource(), earlier)).isEmpty();
        assertThat(EventJson.read(EventTypes.PAYMENT_ENRICHED, earlier)).isEqualTo(Samples.enriched());
        assertThat(EventJson.read(EventTypes.PAYMENT_ENRICHED, EventJson.write(EventTypes.PAYMENT_ENRICHED,
                Samples.enriched().asLate())).late()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void refusesUnknownFutureVersion(EventType<?> type) {
        ObjectNode json = sample(type);
        json.put(EventJson.VERSION_FIELD, type.version() + 1);

        assertThatThrownBy(() -> EventJson.read(type, EventJson.MAPPER.writeValueAsBytes(json)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("unsupported schemaVersion " + (type.version() + 1) + " for " + type.type()
                        + " (this reader knows 1.." + type.version() + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "\"two\"", "null"})
    void refusesVersionThatIsNotAPositiveNumber(String version) {
        byte[] json = ("{\"currency\": \"USD\", \"rateToBase\": \"0.92\", \"updatedAt\": \"2025-03-14T06:00:00Z\","
                + " \"schemaVersion\": " + version + "}").getBytes(UTF_8);

        assertThatThrownBy(() -> EventJson.read(EventTypes.FX_RATE_UPDATED, json))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("unsupported schemaVersion ");
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    void ignoresUnknownFieldsAddedByANewerWriter(EventType<?> type) {
        ObjectNode json = sample(type);
        json.put("addedLater", "x");
        json.putObject("nestedAddition").putArray("values").add(1).add(2);

        assertThat(EventJson.read(type, EventJson.MAPPER.writeValueAsBytes(json))).isEqualTo(Samples.of(type));
    }

    @Test
    void ignoresUnknownFieldsInsideTheNestedPayment() {
        ObjectNode json = sample(EventTypes.PAYMENT_ENRICHED);
        ((ObjectNode) json.get("payment")).put("cardNetwork", "VISA");

        assertThat(EventJson.read(EventTypes.PAYMENT_ENRICHED, EventJson.MAPPER.writeValueAsBytes(json)))
                .isEqualTo(Samples.enriched());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1, 2]", "\"a string\"", "{\"amount\": ", "{\"amount\": 1e99999999999}"})
    void refusesBytesThatAreNotAJsonObjectAsUndecodable(String value) {
        assertThatThrownBy(() -> EventJson.read(EventTypes.PAYMENT_INITIATED, value.getBytes(UTF_8)))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void refusesFieldOfTheWrongShapeAsUndecodable() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.putObject("amount").put("value", "10.00");

        assertThatThrownBy(() -> EventJson.read(EventTypes.PAYMENT_INITIATED, EventJson.MAPPER.writeValueAsBytes(json)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("cannot read dev.paymon.payment.initiated: ");
    }

    @Test
    void reportsDecodableButInvalidEventWithEveryViolation() {
        ObjectNode json = sample(EventTypes.PAYMENT_INITIATED);
        json.put("currency", "eur");
        json.remove("channel");

        assertThatThrownBy(() -> EventJson.read(EventTypes.PAYMENT_INITIATED, EventJson.MAPPER.writeValueAsBytes(json)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("currency", "channel"));
    }

    private static ObjectNode sample(EventType<?> type) {
        return (ObjectNode) EventJson.MAPPER.readTree(Samples.json(type));
    }
}
