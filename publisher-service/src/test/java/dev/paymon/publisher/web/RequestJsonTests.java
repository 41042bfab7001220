package dev.paymon.publisher.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.support.web.JsonLimits;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RequestJsonTests {

    static final RequestJson JSON = new RequestJson(JsonLimits.DEFAULTS);
    static final RequestJson SMALL = new RequestJson(new JsonLimits(4, 20, 10));

    @Test
    void keepsDecimalsExactlyAsSent() {
        assertThat(JSON.read(bytes("{\"a\": 0.10, \"b\": 12345678901234.57}")).get("a").decimalValue())
                .isEqualTo(new BigDecimal("0.10"));
        assertThat(JSON.read(bytes("{\"b\": 12345678901234.57}")).get("b").decimalValue())
                .isEqualTo(new BigDecimal("12345678901234.57"));
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> JSON.read(bytes("{\"amount\":\"1\",\"amount\":\"1000\"}")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("Duplicate Object property \"amount\"");
    }

    @Test
    void refusesTrailingContent() {
        assertThatThrownBy(() -> JSON.read(bytes("{} {}")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("Malformed JSON at line 1, column ");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> JSON.read(new byte[0]))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("Malformed JSON: the body is empty");
    }

    @Test
    void refusesJsonOverALimitNamingTheLimitOnly() {
        assertThatThrownBy(() -> SMALL.read(bytes("[[[[[1]]]]]")))
                .isInstanceOf(JsonLimitException.class)
                .hasMessage("The JSON is nested deeper than 4 levels (paymon.json.max-nesting-depth)");
        assertThatThrownBy(() -> SMALL.read(bytes("{\"a\":\"" + "x".repeat(21) + "\"}")))
                .isInstanceOf(JsonLimitException.class)
                .hasMessage("A JSON string is longer than 20 characters (paymon.json.max-string-length)");
        assertThatThrownBy(() -> SMALL.read(bytes("{\"a\":12345678901}")))
                .isInstanceOf(JsonLimitException.class)
                .hasMessage("A JSON number is longer than 10 characters (paymon.json.max-number-length)");
    }

    @Test
    void describesSyntaxErrorsWithoutJacksonsInternalNames() {
        assertThat(RequestJson.withoutInternals("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` "
                + "to allow")).isEqualTo("Non-standard token 'NaN'");
        assertThat(RequestJson.withoutInternals("Trailing token (`JsonToken.START_OBJECT`) found after value (bound as "
                + "`tools.jackson.databind.JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"))
                .isEqualTo("unexpected content after the JSON value");
        assertThat(RequestJson.withoutInternals("Unexpected end-of-input: expected close marker for Array (start marker "
                + "at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Array");
        assertThat(RequestJson.withoutInternals("Unexpected close marker '}': expected ']' (for Array starting at "
                + "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN])"))
                .isEqualTo("Unexpected close marker '}': expected ']'");
        assertThat(RequestJson.withoutInternals("Unexpected character ('/' (code 47)): maybe a (non-standard) comment? "
                + "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"))
                .isEqualTo("Unexpected character ('/' (code 47)): maybe a (non-standard) comment?");
        assertThat(RequestJson.withoutInternals("Duplicate Object property \"a\"")).isEqualTo("Duplicate Object property \"a\"");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
