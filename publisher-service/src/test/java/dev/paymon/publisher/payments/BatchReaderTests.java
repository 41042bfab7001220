package dev.paymon.publisher.payments;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.events.FieldViolation;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.web.MalformedJsonException;
import dev.paymon.publisher.web.RequestJson;
import dev.paymon.support.web.JsonLimits;
import dev.paymon.publisher.web.RequestTooLargeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReaderTests {

    static final RequestJson JSON = new RequestJson(JsonLimits.DEFAULTS);

    @Test
    void readsEveryElementOfAJsonArray() {
        assertThat(BatchReader.fromJsonArray(JSON, bytes("[{\"a\":1}, 2, {}]"), 3)).containsExactly(
                BatchItem.parsed(JSON.read(bytes("{\"a\":1}"))),
                BatchItem.parsed(JSON.read(bytes("2"))),
                BatchItem.parsed(JSON.read(bytes("{}"))));
    }

    @Test
    void readsNdjsonSkippingBlankLinesAndKeepingMalformedOnesAsRejectedItems() {
        assertThat(BatchReader.fromNdjson(JSON, bytes("{\"a\":1}\r\n\n  \n{\"a\":\n{}\n"), 3)).containsExactly(
                BatchItem.parsed(JSON.read(bytes("{\"a\":1}"))),
                BatchItem.malformed("Malformed JSON at line 1, column 6: Unexpected end-of-input within/between "
                        + "Object entries"),
                BatchItem.parsed(JSON.read(bytes("{}"))));
    }

    @Test
    void refusesMoreItemsThanTheLimit() {
        assertThatThrownBy(() -> BatchReader.fromJsonArray(JSON, bytes("[{},{},{}]"), 2))
                .isInstanceOf(RequestTooLargeException.class)
                .hasMessage("The batch has 3 items; at most 2 are accepted per request "
                        + "(paymon.publisher.batch.max-items)");
        assertThatThrownBy(() -> BatchReader.fromNdjson(JSON, bytes("{}\n{}\n{}"), 2))
                .isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void refusesAJsonBatchThatIsNoArray() {
        assertThatThrownBy(() -> BatchReader.fromJsonArray(JSON, bytes("{\"accountId\":\"a\"}"), 2))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .isEqualTo(List.of(new FieldViolation("$", "must be a JSON array of payments"))));
    }

    @Test
    void refusesAMalformedJsonArrayWhole() {
        assertThatThrownBy(() -> BatchReader.fromJsonArray(JSON, bytes("[{}, {"), 2))
                .isInstanceOf(MalformedJsonException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
