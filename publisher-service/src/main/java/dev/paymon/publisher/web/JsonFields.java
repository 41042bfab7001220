package dev.paymon.publisher.web;

import dev.paymon.events.FieldViolation;
import dev.paymon.events.InvalidEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON request object, collecting every type error instead of stopping at the
 * first. A field with a type error reads as {@code null}; {@link #build} then merges these errors with the
 * event constructor's own violations (one error per field), so a client learns everything wrong at once.
 */
public final class JsonFields {

    /** The field name used for an error about the whole object rather than one of its fields. */
    public static final String ROOT = "$";

    private static final int MAX_TEXT = 256;
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private final JsonNode json;
    private final List<FieldViolation> errors = new ArrayList<>();

    private JsonFields(JsonNode json) {
        this.json = json;
    }

    /** @throws InvalidRequestException when the value is not a JSON object */
    public static JsonFields of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidRequestException(List.of(new FieldViolation(ROOT, "must be a JSON object")));
        }
        return new JsonFields(json);
    }

    /** A string, or {@code null} when absent, JSON null or of another type (an error then). */
    public String string(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            return reject(field, "must be a string");
        }
        String text = node.stringValue();
        return text.length() > MAX_TEXT ? reject(field, "must be at most " + MAX_TEXT + " characters") : text;
    }

    /**
     * An identifier that also appears in URLs of the API: letters, digits, {@code . _ : -}, starting with a
     * letter or digit. Blank and over-long values are left to the event's own check.
     */
    public String identifier(String field) {
        return identifier(field, string(field));
    }

    /** Checks a value from elsewhere in the request (a path variable) as {@link #identifier(String)} does. */
    public String identifier(String field, String id) {
        return id == null || id.isBlank() || id.length() > 64 || IDENTIFIER.matcher(id).matches()
                ? id
                : reject(field, "must contain only letters, digits, '.', '_', ':' and '-', starting with a letter "
                        + "or digit");
    }

    /** A decimal given as a JSON number or a decimal string, with at most 15 integer digits. */
    public BigDecimal decimal(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString()) {
            value = parseDecimal(node.stringValue());
            if (value == null) {
                return reject(field, "must be a decimal number, was '" + abbreviate(node.stringValue()) + "'");
            }
        } else {
            return reject(field, "must be a decimal number or a string holding one");
        }
        return value.precision() - value.scale() > MAX_INTEGER_DIGITS
                ? reject(field, "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point")
                : value;
    }

    /** One of the constants of an enum, by exact name. */
    public <E extends Enum<E>> E oneOf(String field, Class<E> type) {
        String name = string(field);
        if (name == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> c.name().equals(name)).findFirst()
                .orElseGet(() -> reject(field, "must be one of " + Arrays.stream(constants).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ", was '" + abbreviate(name) + "'"));
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2025-05-01T12:00:00Z}. */
    public Instant instant(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return reject(field, "must be an ISO-8601 instant such as 2025-05-01T12:00:00Z, was '"
                    + abbreviate(text) + "'");
        }
    }

    /** Records an error for a field; returns {@code null} so readers can {@code return reject(...)}. */
    public <T> T reject(String field, String message) {
        errors.add(new FieldViolation(field, message));
        return null;
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /**
     * Creates the event; throws {@link InvalidRequestException} with the type errors plus the constructor's
     * violations for the other fields, ordered as {@code fieldOrder}.
     */
    public <T> T build(Supplier<T> constructor, List<String> fieldOrder) {
        List<FieldViolation> all = new ArrayList<>(errors);
        T built = null;
        try {
            built = constructor.get();
        } catch (InvalidEventException e) {
            Set<String> typeErrors = errors.stream().map(FieldViolation::field).collect(Collectors.toSet());
            e.violations().stream().filter(v -> !typeErrors.contains(v.field())).forEach(all::add);
        }
        if (!all.isEmpty()) {
            all.sort(Comparator.comparingInt(v -> order(fieldOrder, v.field())));
            throw new InvalidRequestException(all);
        }
        return built;
    }

    private static int order(List<String> fieldOrder, String field) {
        int index = fieldOrder.indexOf(field);
        return index < 0 ? fieldOrder.size() : index;
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return text.length() > 40 ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
