package dev.paymon.processor.payments;

import dev.paymon.events.EventJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.DateTimeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A payment's event time ({@code occurredAt}) read straight from its JSON bytes with a streaming
 * parser, without decoding the rest: cheap enough for the timestamp extractor, which sees every record.
 * Accepts what the event decoder accepts: an ISO-8601 string, or a number of epoch seconds.
 *
 * @param readable      whether the bytes are a JSON object at all (if not, the payment is undecodable)
 * @param epochMillis   the event time; only meaningful when {@code valid}
 * @param valid         whether {@code occurredAt} is present and a usable time (not before 1970, as Kafka
 *                      timestamps cannot be)
 * @param problem       why it is not valid, for the dead-letter detail
 */
record EventTime(boolean readable, long epochMillis, boolean valid, String problem) {

    static final String FIELD = "occurredAt";

    static EventTime of(byte[] json) {
        if (json == null || json.length == 0) {
            return unreadable();
        }
        try (JsonParser parser = EventJson.MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return unreadable();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (FIELD.equals(name)) {
                    return of(parser, value);
                }
                parser.skipChildren();
            }
            return invalid("missing");
        } catch (JacksonException malformed) {
            return unreadable();
        }
    }

    /** Whether the bytes are a JSON object whose {@code occurredAt} is missing or not a usable time. */
    boolean isMissing() {
        return readable && !valid;
    }

    private static EventTime of(JsonParser parser, JsonToken value) {
        try {
            Instant time = switch (value) {
                case VALUE_STRING -> Instant.parse(parser.getString());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ofEpochSeconds(parser.getDecimalValue());
                default -> null;
            };
            return time == null ? invalid("must be an ISO-8601 instant, was " + value) : of(time);
        } catch (DateTimeException | ArithmeticException e) {
            return invalid("must be an ISO-8601 instant: " + e.getMessage());
        } catch (NumberFormatException e) {
            // Jackson's for a number no BigDecimal holds (1e99999999999); DateTimeException above for one that no
            // Instant holds (1e18 seconds): either would otherwise escape the timestamp extractor and kill the thread.
            return invalid("must be an ISO-8601 instant, was a number out of range");
        }
    }

    static EventTime of(Instant time) {
        try {
            long millis = time.toEpochMilli();
            return millis < 0 ? invalid("must not be before 1970-01-01T00:00:00Z, was " + time)
                    : new EventTime(true, millis, true, null);
        } catch (ArithmeticException tooFar) {
            return invalid("out of range, was " + time);
        }
    }

    private static Instant ofEpochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue());
    }

    private static EventTime unreadable() {
        return new EventTime(false, -1, false, "not a JSON object");
    }

    private static EventTime invalid(String problem) {
        return new EventTime(true, -1, false, FIELD + ": " + problem);
    }
}
