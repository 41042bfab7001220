package dev.paymon.subscriber.web;

import dev.paymon.events.FieldViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads query parameters the way every endpoint of this API does: each bad one is collected as a
 * {@link FieldViolation}, and {@link #validate()} then throws one {@link InvalidQueryException} naming
 * them all (a 400 problem), so a client learns every mistake at once.
 */
public final class QueryParameters {

    /**
     * The instants a query may name: the years 1 to 9999, which ISO-8601 writes without a sign and every supported
     * database stores (PostgreSQL refuses a timestamp of year 999,999,999 that {@link Instant} allows).
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final List<FieldViolation> violations = new ArrayList<>();

    /** An ISO-8601 instant such as {@code 2026-03-01T10:15:30Z} in the years 1 to 9999; {@code null} when absent or bad. */
    public Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        Instant instant = parse(value);
        if (instant == null) {
            reject(field, "must be an ISO-8601 instant, e.g. 2026-03-01T10:15:30Z");
        }
        return inRange(field, instant);
    }

    /**
     * A page cursor: an instant (the items before it), else the id of an item, which {@code find} turns into its
     * position; {@code null} when absent, or bad (then rejected with {@code message}).
     */
    public PagePosition cursor(String field, String value, Function<String, Optional<PagePosition>> find,
                               String message) {
        if (value == null) {
            return null;
        }
        Instant instant = parse(value);
        if (instant != null) {
            Instant checked = inRange(field, instant);
            return checked == null ? null : PagePosition.before(checked);
        }
        Optional<PagePosition> position = hasControlCharacters(value) ? Optional.empty() : find.apply(value);
        if (position.isEmpty()) {
            reject(field, message);
        }
        return position.orElse(null);
    }

    /**
     * An id to filter by; {@code null} when absent or bad. One with control characters is refused: no id holds them (the
     * events forbid them), and PostgreSQL cannot even compare a text holding NUL.
     */
    public String id(String field, String value) {
        if (value != null && hasControlCharacters(value)) {
            reject(field, "must not contain control characters");
            return null;
        }
        return value;
    }

    /** Whether the text holds a control character (NUL included). */
    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
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

    private Instant inRange(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            reject(field, "must be between " + EARLIEST + " and 9999-12-31T23:59:59Z");
            return null;
        }
        return instant;
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
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
