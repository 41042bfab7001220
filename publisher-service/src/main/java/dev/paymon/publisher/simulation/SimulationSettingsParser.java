package dev.paymon.publisher.simulation;

import dev.paymon.events.FieldViolation;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.web.JsonFields;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.simulation.SimulationSettings.FraudShare;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the body of {@code POST /api/v1/simulations} into {@link SimulationSettings}, filling in the defaults, or
 * throws {@link InvalidRequestException} listing every bad field (nested ones as {@code fraudShare.burst},
 * {@code currencies[1]}). Unknown fields are refused: a misspelt setting would otherwise silently fall back to
 * its default. Without a seed, a random one is drawn (shown in the status, so the run can be repeated).
 */
@Component
class SimulationSettingsParser {

    static final double MIN_RATE = 0.1;
    static final double MAX_RATE = 1000;
    static final int MAX_ACCOUNTS = 100_000;
    static final long MAX_DURATION_SECONDS = 30L * 24 * 3600;
    private static final double SHARE_TOLERANCE = 1e-9;
    private static final int MAX_PLAIN_SCALE = 40;
    private static final List<String> FIELDS = List.of("ratePerSecond", "accounts", "currencies", "fraudShare",
            "seed", "durationSeconds", "maxPayments");
    private static final List<String> SHARE_FIELDS = List.of("largeAmount", "burst", "countryHop");

    private final String baseCurrency;

    SimulationSettingsParser(PublisherProperties properties) {
        this.baseCurrency = properties.baseCurrency();
    }

    /** @param json the request body; {@code null} (no body) means all defaults */
    SimulationSettings parse(JsonNode json) {
        JsonNode body = json == null || json.isMissingNode() ? JsonNodeFactory.instance.objectNode() : json;
        JsonFields fields = JsonFields.of(body);
        unknownFields(fields, body, FIELDS, "");
        double rate = number(fields, "ratePerSecond", SimulationSettings.DEFAULT_RATE, MIN_RATE, MAX_RATE);
        Long accounts = integer(fields, "accounts", (long) SimulationSettings.DEFAULT_ACCOUNTS, 1, MAX_ACCOUNTS);
        List<String> currencies = currencies(fields, body.get("currencies"));
        FraudShare share = fraudShare(fields, body.get("fraudShare"));
        Long seed = integer(fields, "seed", ThreadLocalRandom.current().nextLong(1_000_000_000L), 0, Long.MAX_VALUE);
        Long duration = integer(fields, "durationSeconds", null, 1, MAX_DURATION_SECONDS);
        Long maxPayments = integer(fields, "maxPayments", null, 1, Long.MAX_VALUE);
        return fields.build(() -> new SimulationSettings(rate, accounts.intValue(), currencies, share, seed,
                duration, maxPayments), errorOrder(body.get("currencies")));
    }

    /** The documented order, each nested field right after its parent; unknown fields come last. */
    private static List<String> errorOrder(JsonNode currencies) {
        List<String> order = new ArrayList<>();
        for (String field : FIELDS) {
            order.add(field);
            if (field.equals("currencies") && currencies != null && currencies.isArray()) {
                for (int i = 0; i < currencies.size(); i++) {
                    order.add("currencies[" + i + "]");
                }
            }
            if (field.equals("fraudShare")) {
                SHARE_FIELDS.forEach(share -> order.add("fraudShare." + share));
            }
        }
        return order;
    }

    private static void unknownFields(JsonFields fields, JsonNode object, List<String> known, String prefix) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                fields.reject(prefix + name, "is not a setting; known are " + String.join(", ", known));
            }
        }
    }

    private static double number(JsonFields fields, String field, double otherwise, double min, double max) {
        BigDecimal value = fields.decimal(field);
        if (value == null) {
            return otherwise;
        }
        if (value.doubleValue() < min || value.doubleValue() > max) {
            fields.reject(field, "must be between " + plain(min) + " and " + plain(max) + ", was "
                    + shown(value));
        }
        return value.doubleValue();
    }

    private static Long integer(JsonFields fields, String field, Long otherwise, long min, long max) {
        BigDecimal value = fields.decimal(field);
        if (value == null) {
            return fields.hasError(field) ? Long.valueOf(min) : otherwise;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            fields.reject(field, "must be a whole number, was " + shown(value));
            return min;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            fields.reject(field, "must be between " + min + " and " + max + ", was " + shown(value));
            return min;
        }
        return value.longValueExact();
    }

    private List<String> currencies(JsonFields fields, JsonNode json) {
        if (json == null || json.isNull()) {
            return SimulationSettings.DEFAULT_CURRENCIES;
        }
        if (!json.isArray() || json.isEmpty()) {
            fields.reject("currencies", "must be a non-empty array of ISO 4217 codes");
            return List.of();
        }
        Set<String> currencies = new LinkedHashSet<>();
        for (int i = 0; i < json.size(); i++) {
            String field = "currencies[" + i + "]";
            JsonNode item = json.get(i);
            String code = item.isString() ? item.stringValue() : null;
            if (code == null || !isIsoCurrency(code)) {
                fields.reject(field, "must be an ISO 4217 currency code");
            } else if (!SimulatedCurrencies.supports(code)) {
                fields.reject(field, "the simulator has no FX rate for " + code + "; it knows "
                        + String.join(", ", SimulatedCurrencies.codes()));
            } else if (!currencies.add(code)) {
                fields.reject(field, code + " is listed twice");
            }
        }
        if (!SimulatedCurrencies.supports(baseCurrency)) {
            fields.reject("currencies", "the simulator has no FX rates against the base currency " + baseCurrency);
        }
        return List.copyOf(currencies);
    }

    private static FraudShare fraudShare(JsonFields fields, JsonNode json) {
        if (json == null || json.isNull()) {
            return FraudShare.DEFAULT;
        }
        if (!json.isObject()) {
            fields.reject("fraudShare", "must be an object {largeAmount, burst, countryHop}");
            return FraudShare.DEFAULT;
        }
        JsonFields shares = JsonFields.of(json);
        unknownFields(shares, json, SHARE_FIELDS, "");
        double largeAmount = number(shares, "largeAmount", FraudShare.DEFAULT.largeAmount(), 0, 1);
        double burst = number(shares, "burst", FraudShare.DEFAULT.burst(), 0, 1);
        double countryHop = number(shares, "countryHop", FraudShare.DEFAULT.countryHop(), 0, 1);
        try {
            shares.build(() -> null, SHARE_FIELDS);
        } catch (InvalidRequestException e) {
            for (FieldViolation violation : e.violations()) {
                fields.reject("fraudShare." + violation.field(), violation.message());
            }
            return FraudShare.DEFAULT;
        }
        if (largeAmount + burst + countryHop > 1 + SHARE_TOLERANCE) {
            fields.reject("fraudShare", "the shares must add up to at most 1, were "
                    + plain(BigDecimal.valueOf(largeAmount + burst + countryHop).setScale(9, RoundingMode.HALF_UP)
                    .doubleValue()));
        }
        return new FraudShare(largeAmount, burst, countryHop);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A number as an error message shows it: plain, unless that would be huge (1e-999999999 written out has a billion
     * digits, more than the heap holds), then in scientific notation.
     */
    private static String shown(BigDecimal value) {
        return Math.abs((long) value.scale()) <= MAX_PLAIN_SCALE ? value.toPlainString() : value.toString();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
