package dev.paymon.publisher.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RequestJsonTests {

    @Test
    void keepsDecimalsExactlyAsSent() {
        assertThat(RequestJson.read(bytes("{\"a\": 0.10, \"b\": 12345678901234.57}")).get("a").decimalValue())
                .isEqualTo(new BigDecimal("0.10"));
        assertThat(RequestJson.read(bytes("{\"b\": 12345678901234.57}")).get("b").decimalValue())
                .isEqualTo(new BigDecimal("12345678901234.57"));
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> RequestJson.read(bytes("{\"amount\":\"1\",\"amount\":\"1000\"}")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("Duplicate Object property \"amount\"");
    }

    @Test
    void refusesTrailingContent() {
        assertThatThrownBy(() -> RequestJson.read(bytes("{} {}")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("Malformed JSON at line 1, column ");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> RequestJson.read(new byte[0]))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("Malformed JSON: the body is empty");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
