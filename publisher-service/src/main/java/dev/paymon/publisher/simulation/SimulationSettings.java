package dev.paymon.publisher.simulation;

import java.util.List;

/**
 * The settings of one simulation, validated by {@link SimulationSettingsParser}, defaults filled in. The same
 * settings (seed included) always generate the same payments.
 *
 * @param ratePerSecond   payments per second, 0.1 to 1000
 * @param accounts        simulated accounts {@code sim-<seed>-1} .. {@code sim-<seed>-<accounts>}
 * @param currencies      account currencies, each one the simulator has an FX rate for
 * @param fraudShare      share of all payments that belong to each fraud pattern
 * @param seed            seeds every random choice
 * @param durationSeconds stop after this long ({@code null}: run until stopped or {@code maxPayments})
 * @param maxPayments     stop after this many payments ({@code null}: no limit)
 */
record SimulationSettings(double ratePerSecond, int accounts, List<String> currencies, FraudShare fraudShare,
                          long seed, Long durationSeconds, Long maxPayments) {

    static final double DEFAULT_RATE = 20;
    static final int DEFAULT_ACCOUNTS = 1000;
    static final List<String> DEFAULT_CURRENCIES = List.of("EUR", "USD", "GBP", "CHF");

    SimulationSettings {
        currencies = List.copyOf(currencies);
    }

    /**
     * Shares of all payments, each 0..1, summing to at most 1; the rest is normal traffic.
     *
     * @param largeAmount one payment above the account's daily limit
     * @param burst       seven payments of one account within seconds
     * @param countryHop  two payments of one account from different countries within a minute
     */
    record FraudShare(double largeAmount, double burst, double countryHop) {

        static final FraudShare DEFAULT = new FraudShare(0.02, 0.02, 0.02);

        double of(Pattern pattern) {
            return switch (pattern) {
                case NORMAL -> 1 - largeAmount - burst - countryHop;
                case LARGE_AMOUNT -> largeAmount;
                case BURST -> burst;
                case COUNTRY_HOP -> countryHop;
            };
        }
    }
}
