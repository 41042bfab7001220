package dev.paymon.publisher.simulation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currencies the simulator can generate traffic in: an approximate value in EUR (to derive FX rates against
 * any base currency among them) and the countries that use each (home countries of simulated accounts).
 * Rates are round figures for demos, not market data.
 */
final class SimulatedCurrencies {

    private record Currency(BigDecimal inEur, List<String> countries) {
    }

    private static final Map<String, Currency> CURRENCIES = Map.ofEntries(
            entry("EUR", "1", "DE", "FR", "IT", "ES", "NL", "BE", "AT", "IE", "PT", "FI"),
            entry("USD", "0.92", "US"),
            entry("GBP", "1.17", "GB"),
            entry("CHF", "1.04", "CH", "LI"),
            entry("JPY", "0.0061", "JP"),
            entry("SEK", "0.088", "SE"),
            entry("NOK", "0.086", "NO"),
            entry("DKK", "0.134", "DK"),
            entry("PLN", "0.233", "PL"),
            entry("CZK", "0.040", "CZ"),
            entry("HUF", "0.0025", "HU"),
            entry("CAD", "0.67", "CA"),
            entry("AUD", "0.60", "AU"),
            entry("NZD", "0.55", "NZ"),
            entry("SGD", "0.68", "SG"),
            entry("HKD", "0.118", "HK"),
            entry("CNY", "0.127", "CN"),
            entry("INR", "0.011", "IN"),
            entry("BRL", "0.17", "BR"),
            entry("MXN", "0.050", "MX"),
            entry("ZAR", "0.050", "ZA"),
            entry("KRW", "0.00067", "KR"));

    /** Every home country of every simulated currency: where a country hop may lead. */
    static final List<String> ALL_COUNTRIES = CURRENCIES.values().stream()
            .flatMap(currency -> currency.countries().stream()).distinct().sorted().toList();

    private SimulatedCurrencies() {
    }

    static boolean supports(String currency) {
        return CURRENCIES.containsKey(currency);
    }

    static Set<String> codes() {
        return new TreeSet<>(CURRENCIES.keySet());
    }

    static List<String> countriesOf(String currency) {
        return CURRENCIES.get(currency).countries();
    }

    /** Converts an amount in EUR to the currency (unrounded, 8 significant digits). */
    static BigDecimal fromEur(double eur, String currency) {
        return BigDecimal.valueOf(eur).divide(CURRENCIES.get(currency).inEur(), MathContext.DECIMAL64)
                .round(new MathContext(8, RoundingMode.HALF_UP));
    }

    /** How many units of {@code base} one unit of {@code currency} is worth, at most 10 decimals. */
    static BigDecimal rateToBase(String currency, String base) {
        BigDecimal rate = CURRENCIES.get(currency).inEur()
                .divide(CURRENCIES.get(base).inEur(), new MathContext(8, RoundingMode.HALF_UP));
        return rate.setScale(Math.max(0, Math.min(10, rate.stripTrailingZeros().scale())), RoundingMode.HALF_UP);
    }

    private static Map.Entry<String, Currency> entry(String code, String inEur, String... countries) {
        return Map.entry(code, new Currency(new BigDecimal(inEur), List.of(countries)));
    }
}
