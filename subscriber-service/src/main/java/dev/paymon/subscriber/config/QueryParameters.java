package dev.paymon.subscriber.config;

import dev.paymon.events.FieldViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads query parameters the way every endpoint of this API does: each bad one is collected as a
 * {@link FieldViolation}, and {@link #validate()} then throws one {@link InvalidQueryException} naming
 * them all (a 400 problem), so a client learns every mistake at once.
 */
public final class QueryParameters {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** An ISO-8601 instant such as {@code 2026-03-01T10:15:30Z}; {@code null} when absent or bad. */
    public Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 instant, e.g. 2026-03-01T10:15:30Z");
            return null;
        }
    }

    /** A whole number from 1 to {@code max}; {@code defaultLimit} when absent or bad. */
    public int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below like an out-of-range number.
        }
        reject("limit", "must be a whole number from 1 to " + max);
        return defaultLimit;
    }

    /** One of the enum's constants, by exact name; {@code null} when absent or bad. */
    public <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            reject(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public void reject(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    /** Throws {@link InvalidQueryException} when any parameter was bad. */
    public void validate() {
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
    }
}
