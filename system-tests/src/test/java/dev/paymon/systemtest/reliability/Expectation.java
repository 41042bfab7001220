package dev.paymon.systemtest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.FraudRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the pipeline must produce for the acknowledged payments, recomputed by a pure function from them alone:
 * which are enriched (with amount in the base currency and alert ids) and which dead-lettered, every window of every
 * account and every alert with its deterministic id. Order matters only within an account, where it is the order
 * of acknowledgement (one client thread sends an account's payments one after the other).
 *
 * <p>Which payments are late (processed after their window had closed) depends on when they reached the processor,
 * not on them alone: the recomputation takes it from the pipeline's own {@code late} flags and leaves those payments
 * out of their windows, as the processor must; every rule counts them like the others (within the processor's
 * history, which the workloads stay inside).
 *
 * @param enriched     by payment id
 * @param deadLettered payment ids without a usable FX rate ({@code UNKNOWN_FX_RATE})
 * @param windows      by {@link #windowKey(String, Instant)}
 * @param alerts       by alert id
 */
record Expectation(Map<String, Enriched> enriched, Set<String> deadLettered, Map<String, AccountActivity> windows,
                   Map<String, Alert> alerts) {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    record Enriched(String paymentId, String accountId, BigDecimal amountBase, List<String> alertIds) {
    }

    record Alert(String alertId, String accountId, FraudRule rule, List<String> paymentIds) {
    }

    /**
     * @param acknowledged every acknowledged payment once, each account's in the order of acknowledgement
     * @param profiles     the profiles published before the run, by account
     * @param rates        the FX rates to the base currency published before the run
     */
    static Expectation of(List<PlannedPayment> acknowledged, Map<String, PlannedAccount.Profile> profiles,
                          Map<String, BigDecimal> rates, Rules rules) {
        return of(acknowledged, profiles, rates, rules, Set.of());
    }

    /** @param late the ids of the payments the pipeline marked late: in no window */
    static Expectation of(List<PlannedPayment> acknowledged, Map<String, PlannedAccount.Profile> profiles,
                          Map<String, BigDecimal> rates, Rules rules, Set<String> late) {
        Map<String, List<PlannedPayment>> byAccount = new LinkedHashMap<>();
        acknowledged.forEach(p -> byAccount.computeIfAbsent(p.accountId(), a -> new ArrayList<>()).add(p));
        Map<String, Enriched> enriched = new LinkedHashMap<>();
        Set<String> deadLettered = new TreeSet<>();
        Map<String, AccountActivity> windows = new TreeMap<>();
        Map<String, Alert> alerts = new LinkedHashMap<>();
        byAccount.forEach((account, payments) -> new AccountReplay(account, profiles.get(account), rates, rules, late)
                .replay(payments, enriched, deadLettered, windows, alerts));
        return new Expectation(enriched, deadLettered, windows, alerts);
    }

    static String windowKey(String accountId, Instant windowStart) {
        return accountId + "@" + windowStart;
    }

    /** The processor's alert id: a name-based UUID of rule, account and what makes the alert unique. */
    static String alertId(FraudRule rule, String accountId, String discriminator) {
        return UUID.nameUUIDFromBytes((rule + "|" + accountId + "|" + discriminator).getBytes(UTF_8)).toString();
    }

    /** One account's payments replayed through windows and rules, as the processor's monitor does. */
    private static final class AccountReplay {

        private final String account;
        private final Map<String, BigDecimal> rates;
        private final Rules rules;
        private final BigDecimal limit;
        private final Set<String> late;
        private final Map<Long, Window> windows = new TreeMap<>();
        /** VELOCITY's count of each window: every payment, late or not. */
        private final Map<Long, Window> velocity = new TreeMap<>();
        /** By country: a payment is compared with the other countries' only. */
        private final Map<String, List<PlannedPayment>> sightings = new HashMap<>();
        private final Map<LocalDate, BigDecimal> spent = new HashMap<>();
        private final Set<LocalDate> alertedDays = new TreeSet<>();

        AccountReplay(String account, PlannedAccount.Profile profile, Map<String, BigDecimal> rates, Rules rules,
                      Set<String> late) {
            this.account = account;
            this.late = late;
            this.rates = rates;
            this.rules = rules;
            this.limit = profile == null ? null : toBase(profile.dailyLimit(), profile.currency());
        }

        void replay(List<PlannedPayment> payments, Map<String, Enriched> enriched, Set<String> deadLettered,
                    Map<String, AccountActivity> activity, Map<String, Alert> alerts) {
            for (PlannedPayment payment : payments) {
                BigDecimal base = toBase(payment.amount(), payment.currency());
                if (base == null) {
                    deadLettered.add(payment.paymentId());
                    continue;
                }
                List<Alert> raised = check(payment, base);
                raised.forEach(alert -> alerts.put(alert.alertId(), alert));
                enriched.put(payment.paymentId(), new Enriched(payment.paymentId(), account, base,
                        raised.stream().map(Alert::alertId).toList()));
            }
            long size = rules.windowSize().toMillis();
            windows.forEach((start, window) -> activity.put(windowKey(account, Instant.ofEpochMilli(start)),
                    new AccountActivity(account, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + size),
                            window.count, window.total, window.max)));
        }

        /** The rules in the processor's order: large amount, velocity, impossible travel, daily limit. */
        private List<Alert> check(PlannedPayment payment, BigDecimal base) {
            List<Alert> raised = new ArrayList<>();
            if (base.compareTo(limit == null ? rules.largeAmountDefault() : limit) > 0) {
                raised.add(alert(FraudRule.LARGE_AMOUNT, payment.paymentId(), List.of(payment.paymentId())));
            }
            long size = rules.windowSize().toMillis();
            long time = payment.occurredAt().toEpochMilli();
            long start = time - time % size;
            if (!late.contains(payment.paymentId())) {
                windows.computeIfAbsent(start, s -> new Window()).add(payment.paymentId(), base, 0);
            }
            Window counted = velocity.computeIfAbsent(start, s -> new Window());
            counted.add(payment.paymentId(), base, rules.velocityMaxPayments() + 1);
            if (counted.count == rules.velocityMaxPayments() + 1L) {
                raised.add(alert(FraudRule.VELOCITY, Instant.ofEpochMilli(start).toString(), counted.firstIds));
            }
            sightings.entrySet().stream()
                    .filter(country -> !country.getKey().equals(payment.country()))
                    .flatMap(country -> country.getValue().stream())
                    .filter(other -> Duration.between(other.occurredAt(), payment.occurredAt()).abs()
                            .compareTo(rules.travelMaxGap()) < 0)
                    .sorted(EVENT_TIME_ORDER)
                    .forEach(other -> raised.add(travel(payment, other)));
            sightings.computeIfAbsent(payment.country(), country -> new ArrayList<>()).add(payment);
            LocalDate day = LocalDate.ofInstant(payment.occurredAt(), ZoneOffset.UTC);
            BigDecimal before = spent.getOrDefault(day, ZERO);
            if (!alertedDays.contains(day)
                    && before.add(base).compareTo(limit == null ? rules.dailyLimitDefault() : limit) > 0) {
                raised.add(alert(FraudRule.DAILY_LIMIT, day.toString(), List.of(payment.paymentId())));
                alertedDays.add(day);
            }
            spent.put(day, before.add(base));
            return raised;
        }

        private Alert travel(PlannedPayment one, PlannedPayment other) {
            String pair = Stream.of(one.paymentId(), other.paymentId()).sorted()
                    .reduce((first, second) -> first + "|" + second).orElseThrow();
            return alert(FraudRule.IMPOSSIBLE_TRAVEL, pair,
                    Stream.of(one, other).sorted(EVENT_TIME_ORDER).map(PlannedPayment::paymentId).toList());
        }

        private Alert alert(FraudRule rule, String discriminator, List<String> paymentIds) {
            return new Alert(alertId(rule, account, discriminator), account, rule, List.copyOf(paymentIds));
        }

        /** {@code amount × rate}, half-even to cents; null without a rate (the base currency needs none). */
        private BigDecimal toBase(BigDecimal amount, String currency) {
            if (currency.equals(rules.baseCurrency())) {
                return amount.setScale(2, RoundingMode.HALF_EVEN);
            }
            BigDecimal rate = rates.get(currency);
            return rate == null ? null : amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
        }

        private static final Comparator<PlannedPayment> EVENT_TIME_ORDER =
                Comparator.comparing(PlannedPayment::occurredAt).thenComparing(PlannedPayment::paymentId);
    }

    /** A window's running aggregate, with the first ids a VELOCITY alert lists. */
    private static final class Window {

        private long count;
        private BigDecimal total = ZERO;
        private BigDecimal max = ZERO;
        private final List<String> firstIds = new ArrayList<>();

        void add(String paymentId, BigDecimal base, int idsToKeep) {
            count++;
            total = total.add(base);
            max = max.max(base);
            if (firstIds.size() < idsToKeep) {
                firstIds.add(paymentId);
            }
        }
    }
}
