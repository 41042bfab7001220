package dev.paymon.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects every invalid field of an event before failing, so that callers (an HTTP client, a
 * dead-letter record) learn all that is wrong at once. Used in the records' compact constructors.
 */
public final class Violations {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_ID_LENGTH = 64;

    private final List<FieldViolation> found = new ArrayList<>();

    private Violations() {
    }

    /** Runs the checks and throws {@link InvalidEventException} listing every violation found. */
    public static void check(Consumer<Violations> checks) {
        Violations violations = new Violations();
        checks.accept(violations);
        if (!violations.found.isEmpty()) {
            throw new InvalidEventException(violations.found);
        }
    }

    public Violations add(String field, String message) {
        found.add(new FieldViolation(field, message));
        return this;
    }

    public Violations notNull(String field, Object value) {
        if (value == null) {
            add(field, "must not be null");
        }
        return this;
    }

    /** Identifiers: present, not blank, at most 64 characters, no control characters. */
    public Violations id(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
        } else if (value.length() > MAX_ID_LENGTH) {
            add(field, "must be at most " + MAX_ID_LENGTH + " characters");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            add(field, "must not contain control characters");
        }
        return this;
    }

    public Violations currency(String field, String code) {
        if (code == null) {
            return add(field, "must not be null");
        }
        if (!isCurrency(code)) {
            add(field, "must be an ISO 4217 currency code, was '" + code + "'");
        }
        return this;
    }

    public Violations country(String field, String code) {
        if (code == null) {
            return add(field, "must not be null");
        }
        if (!COUNTRIES.contains(code)) {
            add(field, "must be an ISO 3166-1 alpha-2 country code, was '" + code + "'");
        }
        return this;
    }

    /** Strictly positive, with no more decimals than the currency has minor units (at most 2). */
    public Violations money(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            return add(field, "must not be null");
        }
        if (amount.signum() <= 0) {
            return add(field, "must be greater than 0");
        }
        int allowed = minorUnits(currency);
        if (amount.stripTrailingZeros().scale() > allowed) {
            add(field, "must have at most " + allowed + " decimal places" + (currency == null ? "" : " for " + currency));
        }
        return this;
    }

    public Violations positive(String field, BigDecimal value) {
        if (value == null) {
            return add(field, "must not be null");
        }
        if (value.signum() <= 0) {
            add(field, "must be greater than 0");
        }
        return this;
    }

    public Violations nonNegative(String field, BigDecimal value) {
        if (value == null) {
            return add(field, "must not be null");
        }
        if (value.signum() < 0) {
            add(field, "must not be negative");
        }
        return this;
    }

    public Violations nonNegative(String field, long value) {
        if (value < 0) {
            add(field, "must not be negative");
        }
        return this;
    }

    static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Minor units of a currency, capped at 2; 2 when the currency is unknown (reported separately). */
    public static int minorUnits(String currency) {
        if (currency == null || !isCurrency(currency)) {
            return 2;
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : Math.min(digits, 2);
    }
}
