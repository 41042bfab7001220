package dev.paymon.publisher.simulation;

import dev.paymon.events.Channel;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Violations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the accounts, FX rates and payments of one simulation: pure and deterministic, so the same settings
 * (seed included) and the same instants give the same events. Payment ids are {@code sim-<seed>-p<sequence>}.
 *
 * <p>Ordinary payments deal the accounts like a deck of cards (shuffled anew each round), so every account gets
 * its even share: with at least 15 accounts per payment per second (at most 4 rounds a minute, so a 60 s window
 * touches at most 5), no account has more than 5 ordinary payments in a window and VELOCITY alerts come from
 * bursts. Ordinary payments stay in the home country and at most
 * a fifth of the daily limit, so IMPOSSIBLE_TRAVEL and LARGE_AMOUNT alerts come from their patterns too.
 */
final class PaymentGenerator {

    /** Epoch-aligned tumbling windows of the VELOCITY rule; a burst stays inside one. */
    static final Duration VELOCITY_WINDOW = Duration.ofSeconds(60);
    static final Duration BURST_SPACING = Duration.ofMillis(250);
    /** Leaves the processor's 30 s grace well ahead of a country hop's backdated first payment. */
    static final int MAX_HOP_GAP_SECONDS = 20;

    private static final double AMOUNT_SIGMA = 0.8;
    private static final double MAX_NORMAL_SHARE_OF_LIMIT = 0.2;
    private static final double[] TIER_WEIGHTS = {0.7, 0.25, 0.05};
    private static final double[] TIER_LIMITS_EUR = {10_000, 5_000, 2_000};
    private static final int MERCHANTS_PER_CATEGORY = 200;

    private final SimulationSettings settings;
    private final Random random;
    private final List<SimulatedAccount> accounts;
    private final double[] patternWeights;
    private final int[] deck;
    private int dealt;
    private long sequence;

    PaymentGenerator(SimulationSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.accounts = createAccounts();
        this.patternWeights = patternWeights(settings.fraudShare());
        this.deck = new int[accounts.size()];
        for (int i = 0; i < deck.length; i++) {
            deck[i] = i;
        }
        this.dealt = deck.length;
    }

    List<SimulatedAccount> accounts() {
        return accounts;
    }

    /** A rate for every simulated currency except the base currency itself. */
    List<FxRateUpdated> fxRates(String baseCurrency, Instant now) {
        return settings.currencies().stream()
                .filter(currency -> !currency.equals(baseCurrency))
                .map(currency -> new FxRateUpdated(currency, SimulatedCurrencies.rateToBase(currency, baseCurrency),
                        baseCurrency, now))
                .toList();
    }

    /** The next group of payments, none of them later than {@code now}. */
    PaymentGroup next(Instant now) {
        Pattern pattern = pickPattern();
        return new PaymentGroup(pattern, switch (pattern) {
            case NORMAL -> List.of(normal(nextDealt(), now));
            case LARGE_AMOUNT -> List.of(largeAmount(randomAccount(), now));
            case BURST -> burst(randomAccount(), now);
            case COUNTRY_HOP -> countryHop(randomAccount(), now);
        });
    }

    /**
     * Group probabilities such that each pattern's share of <em>payments</em> is as configured: a burst has 7
     * payments, so it is picked a seventh as often as its share.
     */
    private static double[] patternWeights(SimulationSettings.FraudShare share) {
        Pattern[] patterns = Pattern.values();
        double[] weights = new double[patterns.length];
        double total = 0;
        for (Pattern pattern : patterns) {
            weights[pattern.ordinal()] = Math.max(0, share.of(pattern)) / pattern.size();
            total += weights[pattern.ordinal()];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    private Pattern pickPattern() {
        double draw = random.nextDouble();
        for (Pattern pattern : Pattern.values()) {
            draw -= patternWeights[pattern.ordinal()];
            if (draw < 0) {
                return pattern;
            }
        }
        return Pattern.NORMAL;
    }

    private List<SimulatedAccount> createAccounts() {
        List<SimulatedAccount> created = new ArrayList<>(settings.accounts());
        for (int n = 1; n <= settings.accounts(); n++) {
            String currency = pick(settings.currencies());
            RiskTier tier = RiskTier.values()[weighted(TIER_WEIGHTS)];
            BigDecimal limit = SimulatedCurrencies.fromEur(TIER_LIMITS_EUR[tier.ordinal()], currency)
                    .round(new MathContext(2, RoundingMode.HALF_UP)).setScale(0, RoundingMode.HALF_UP);
            created.add(new SimulatedAccount("sim-" + settings.seed() + "-" + n,
                    pick(SimulatedCurrencies.countriesOf(currency)), tier, limit, currency));
        }
        return List.copyOf(created);
    }

    private PaymentInitiated normal(SimulatedAccount account, Instant at) {
        SpendingCategory category = category();
        Channel channel = pick(category.channels());
        BigDecimal cap = account.dailyLimit().multiply(BigDecimal.valueOf(MAX_NORMAL_SHARE_OF_LIMIT));
        BigDecimal amount = logNormal(category.medianEur(), account.currency()).min(cap);
        return payment(account, amount, merchant(category), category.code(), account.homeCountry(), channel, at);
    }

    private PaymentInitiated largeAmount(SimulatedAccount account, Instant at) {
        BigDecimal amount = account.dailyLimit().multiply(BigDecimal.valueOf(1.5 + 2.5 * random.nextDouble()));
        SpendingCategory category = random.nextBoolean() ? SpendingCategory.UTILITIES : SpendingCategory.ELECTRONICS;
        return payment(account, amount, merchant(category), category.code(), account.homeCountry(),
                category.channels().get(0), at);
    }

    /** Card testing: seven small online payments at one merchant, 250 ms apart, inside one VELOCITY window. */
    private List<PaymentInitiated> burst(SimulatedAccount account, Instant now) {
        long windowMillis = VELOCITY_WINDOW.toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        SpendingCategory category = SpendingCategory.DIGITAL_GOODS;
        String merchant = merchant(category);
        List<PaymentInitiated> payments = new ArrayList<>(Pattern.BURST.size());
        for (int i = Pattern.BURST.size() - 1; i >= 0; i--) {
            Instant spaced = now.minus(BURST_SPACING.multipliedBy(i));
            Instant at = spaced.isBefore(windowStart) ? windowStart : spaced;
            payments.add(payment(account, logNormal(category.medianEur(), account.currency()), merchant,
                    category.code(), account.homeCountry(), Channel.ECOMMERCE, at));
        }
        return payments;
    }

    /** A card used at home, then seconds later in another country. */
    private List<PaymentInitiated> countryHop(SimulatedAccount account, Instant now) {
        List<String> abroad = SimulatedCurrencies.ALL_COUNTRIES.stream()
                .filter(country -> !country.equals(account.homeCountry())).toList();
        Instant first = now.minusSeconds(5 + random.nextInt(MAX_HOP_GAP_SECONDS - 4));
        SpendingCategory home = SpendingCategory.GROCERIES;
        SpendingCategory away = SpendingCategory.CASH;
        return List.of(
                payment(account, logNormal(home.medianEur(), account.currency()), merchant(home), home.code(),
                        account.homeCountry(), Channel.CARD_PRESENT, first),
                payment(account, logNormal(away.medianEur(), account.currency()), merchant(away), away.code(),
                        pick(abroad), Channel.ATM, now));
    }

    private PaymentInitiated payment(SimulatedAccount account, BigDecimal amount, String merchantId, String category,
                                     String country, Channel channel, Instant at) {
        sequence++;
        int decimals = Violations.minorUnits(account.currency());
        BigDecimal rounded = amount.setScale(decimals, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE.movePointLeft(decimals));
        return new PaymentInitiated("sim-" + settings.seed() + "-p" + sequence, account.accountId(), rounded,
                account.currency(), merchantId, category, country, channel, at);
    }

    /** Log-normal around a median in EUR, converted to the currency. */
    private BigDecimal logNormal(double medianEur, String currency) {
        return SimulatedCurrencies.fromEur(medianEur * Math.exp(AMOUNT_SIGMA * random.nextGaussian()), currency);
    }

    private SimulatedAccount nextDealt() {
        if (dealt == deck.length) {
            for (int i = deck.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = deck[i];
                deck[i] = deck[j];
                deck[j] = swapped;
            }
            dealt = 0;
        }
        return accounts.get(deck[dealt++]);
    }

    private SimulatedAccount randomAccount() {
        return pick(accounts);
    }

    private SpendingCategory category() {
        int draw = random.nextInt(SpendingCategory.ORDINARY_WEIGHT);
        for (SpendingCategory category : SpendingCategory.ORDINARY) {
            draw -= category.weight();
            if (draw < 0) {
                return category;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    private String merchant(SpendingCategory category) {
        return "m-" + category.code() + "-" + random.nextInt(MERCHANTS_PER_CATEGORY);
    }

    private int weighted(double[] weights) {
        double draw = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
