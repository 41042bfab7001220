package dev.paymon.publisher.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import dev.paymon.events.Violations;
import dev.paymon.publisher.simulation.SimulationSettings.FraudShare;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class PaymentGeneratorTests {

    static final Instant START = Instant.parse("2025-05-01T12:00:00Z");
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY");

    @Test
    void sameSettingsAndSeedGenerateTheSameEvents() {
        SimulationSettings settings = settings(42, 200, new FraudShare(0.05, 0.05, 0.05));

        List<PaymentGroup> first = generate(new PaymentGenerator(settings), 3_000);
        List<PaymentGroup> second = generate(new PaymentGenerator(settings), 3_000);

        assertThat(second).isEqualTo(first);
        assertThat(new PaymentGenerator(settings).accounts()).isEqualTo(new PaymentGenerator(settings).accounts());
        assertThat(payments(first).subList(0, 3)).extracting(PaymentInitiated::paymentId)
                .containsExactly("sim-42-p1", "sim-42-p2", "sim-42-p3");
        assertThat(payments(first)).extracting(PaymentInitiated::paymentId).doesNotHaveDuplicates();
    }

    @Test
    void anotherSeedGeneratesOtherAccountsAndPayments() {
        FraudShare share = new FraudShare(0.05, 0.05, 0.05);
        List<PaymentInitiated> seed42 = payments(generate(new PaymentGenerator(settings(42, 200, share)), 500));
        List<PaymentInitiated> seed43 = payments(generate(new PaymentGenerator(settings(43, 200, share)), 500));

        assertThat(seed43).extracting(PaymentInitiated::amount)
                .isNotEqualTo(seed42.stream().map(PaymentInitiated::amount).toList());
        assertThat(seed43).allSatisfy(payment -> assertThat(payment.accountId()).startsWith("sim-43-"));
        assertThat(new PaymentGenerator(settings(43, 200, share)).accounts())
                .extracting(SimulatedAccount::accountId).contains("sim-43-1", "sim-43-200").hasSize(200);
    }

    @Test
    void patternSharesOf10000PaymentsAreAsConfigured() {
        List<PaymentGroup> groups = generate(new PaymentGenerator(settings(7, 5_000, new FraudShare(0.1, 0.1, 0.05))),
                10_000);

        Map<Pattern, Integer> payments = new EnumMap<>(Pattern.class);
        groups.forEach(group -> payments.merge(group.pattern(), group.payments().size(), Integer::sum));
        double total = payments.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(payments.get(Pattern.LARGE_AMOUNT) / total).isCloseTo(0.1, within(0.02));
        assertThat(payments.get(Pattern.BURST) / total).isCloseTo(0.1, within(0.02));
        assertThat(payments.get(Pattern.COUNTRY_HOP) / total).isCloseTo(0.05, within(0.01));
        assertThat(payments.get(Pattern.NORMAL) / total).isCloseTo(0.75, within(0.03));
    }

    @Test
    void withoutFraudSharesEveryPaymentIsNormal() {
        List<PaymentGroup> groups = generate(new PaymentGenerator(settings(1, 50, new FraudShare(0, 0, 0))), 1_000);

        assertThat(groups).extracting(PaymentGroup::pattern).containsOnly(Pattern.NORMAL);
    }

    @Test
    void everyPaymentIsValidAndSurvivesTheTopicSerde() {
        PaymentGenerator generator = new PaymentGenerator(settings(5, 300, new FraudShare(0.1, 0.1, 0.1)));
        Map<String, SimulatedAccount> accounts = byId(generator.accounts());
        Serializer<PaymentInitiated> serializer = Topics.PAYMENTS_INITIATED.valueSerde("/test").serializer();
        Deserializer<PaymentInitiated> deserializer = Topics.PAYMENTS_INITIATED.valueSerde("/test").deserializer();

        List<PaymentInitiated> payments = payments(generate(generator, 10_000));

        assertThat(payments).hasSizeGreaterThanOrEqualTo(10_000);
        for (PaymentInitiated payment : payments) {
            RecordHeaders headers = new RecordHeaders();
            byte[] bytes = serializer.serialize(Topics.PAYMENTS_INITIATED.name(), headers, payment);
            // The deserializer runs the event's own validation again on what went over the wire.
            assertThat(deserializer.deserialize(Topics.PAYMENTS_INITIATED.name(), headers, bytes)).isEqualTo(payment);
            SimulatedAccount account = accounts.get(payment.accountId());
            assertThat(account).isNotNull();
            assertThat(payment.currency()).isEqualTo(account.currency());
            assertThat(payment.amount().scale()).isEqualTo(Violations.minorUnits(payment.currency()));
            assertThat(payment.paymentId()).matches("sim-5-p[0-9]+");
            assertThat(payment.merchantId()).matches("m-[0-9]{4}-[0-9]+");
        }
        assertThat(payments).extracting(PaymentInitiated::currency).containsAll(CURRENCIES);
        assertThat(payments).extracting(PaymentInitiated::channel).hasSameElementsAs(
                List.of(dev.paymon.events.Channel.values()));
        assertThat(payments.stream().map(PaymentInitiated::merchantCategory).distinct().count()).isGreaterThan(10);
    }

    @Test
    void profilesAreValidWithLimitsByRiskTierAndHomeCountriesOfTheirCurrency() {
        List<SimulatedAccount> accounts = new PaymentGenerator(settings(9, 2_000, FraudShare.DEFAULT)).accounts();

        assertThat(accounts).allSatisfy(account -> {
            assertThat(account.profile(START).accountId()).isEqualTo(account.accountId());
            assertThat(SimulatedCurrencies.countriesOf(account.currency())).contains(account.homeCountry());
            assertThat(account.dailyLimit().signum()).isPositive();
        });
        Map<Object, Long> tiers = accounts.stream().collect(Collectors.groupingBy(SimulatedAccount::riskTier,
                Collectors.counting()));
        assertThat(tiers).hasSize(3);
        assertThat(accounts).filteredOn(account -> account.currency().equals("EUR"))
                .extracting(SimulatedAccount::dailyLimit)
                .containsOnly(new BigDecimal("10000"), new BigDecimal("5000"), new BigDecimal("2000"));
    }

    @Test
    void burstsAreSevenPaymentsOfOneAccountWithinSecondsOfOneVelocityWindow() {
        PaymentGenerator generator = new PaymentGenerator(settings(11, 100, new FraudShare(0, 1, 0)));

        // Instants spread over the minute, some just after a window starts, where spacing back would cross it.
        for (int i = 0; i < 600; i++) {
            Instant now = START.plusMillis(i * 997L);
            PaymentGroup burst = generator.next(now);

            assertThat(burst.pattern()).isEqualTo(Pattern.BURST);
            assertThat(burst.payments()).hasSize(7);
            assertThat(burst.payments()).extracting(PaymentInitiated::accountId).containsOnly(
                    burst.payments().get(0).accountId());
            assertThat(burst.payments()).extracting(p -> p.occurredAt().toEpochMilli() / 60_000)
                    .containsOnly(now.toEpochMilli() / 60_000);
            assertThat(burst.payments()).allSatisfy(p -> assertThat(p.occurredAt()).isBetween(
                    now.minusSeconds(2), now));
        }
    }

    @Test
    void countryHopsAreTwoCountriesOfOneAccountWithinAMinute() {
        PaymentGenerator generator = new PaymentGenerator(settings(13, 100, new FraudShare(0, 0, 1)));
        Map<String, SimulatedAccount> accounts = byId(generator.accounts());

        for (int i = 0; i < 500; i++) {
            Instant now = START.plusSeconds(i);
            List<PaymentInitiated> hop = generator.next(now).payments();

            assertThat(hop).hasSize(2);
            PaymentInitiated home = hop.get(0);
            PaymentInitiated away = hop.get(1);
            assertThat(away.accountId()).isEqualTo(home.accountId());
            assertThat(home.country()).isEqualTo(accounts.get(home.accountId()).homeCountry());
            assertThat(away.country()).isNotEqualTo(home.country());
            assertThat(Duration.between(home.occurredAt(), away.occurredAt()))
                    .isPositive().isLessThan(Duration.ofMinutes(1));
            assertThat(away.occurredAt()).isEqualTo(now);
        }
    }

    @Test
    void largeAmountsExceedTheAccountsDailyLimitAndOrdinaryOnesStayFarBelow() {
        PaymentGenerator generator = new PaymentGenerator(settings(17, 500, new FraudShare(0.5, 0, 0)));
        Map<String, SimulatedAccount> accounts = byId(generator.accounts());

        List<PaymentGroup> groups = generate(generator, 5_000);

        assertThat(groups).filteredOn(group -> group.pattern() == Pattern.LARGE_AMOUNT).isNotEmpty()
                .flatExtracting(PaymentGroup::payments).allSatisfy(payment -> assertThat(payment.amount())
                        .isGreaterThan(accounts.get(payment.accountId()).dailyLimit()));
        assertThat(groups).filteredOn(group -> group.pattern() == Pattern.NORMAL).isNotEmpty()
                .flatExtracting(PaymentGroup::payments).allSatisfy(payment -> {
                    assertThat(payment.amount()).isLessThanOrEqualTo(
                            accounts.get(payment.accountId()).dailyLimit().multiply(new BigDecimal("0.2")));
                    assertThat(payment.country()).isEqualTo(accounts.get(payment.accountId()).homeCountry());
                });
    }

    @Test
    void ordinaryTrafficStaysWithinVelocityWithFifteenAccountsPerPaymentPerSecond() {
        double rate = 20;
        PaymentGenerator generator = new PaymentGenerator(settings(19, 300, new FraudShare(0, 0, 0)));
        Map<String, Integer> perAccountAndWindow = new HashMap<>();

        // Ten minutes of ticks every 100 ms, each with the payments due at the rate; rounds of the deck do not
        // start with the windows.
        for (int tick = 0; tick < 6_000; tick++) {
            Instant now = START.plusMillis(17_300 + tick * 100L);
            for (int i = 0; i < rate / 10; i++) {
                PaymentInitiated payment = generator.next(now).payments().get(0);
                perAccountAndWindow.merge(payment.accountId() + "@" + now.getEpochSecond() / 60, 1, Integer::sum);
            }
        }

        assertThat(perAccountAndWindow.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isLessThanOrEqualTo(5);
    }

    @Test
    void fxRatesCoverEveryCurrencyButTheBase() {
        PaymentGenerator generator = new PaymentGenerator(settings(1, 10, FraudShare.DEFAULT));

        assertThat(generator.fxRates("EUR", START)).containsExactly(
                new FxRateUpdated("USD", new BigDecimal("0.92"), "EUR", START),
                new FxRateUpdated("GBP", new BigDecimal("1.17"), "EUR", START),
                new FxRateUpdated("CHF", new BigDecimal("1.04"), "EUR", START),
                new FxRateUpdated("JPY", new BigDecimal("0.0061"), "EUR", START));
        assertThat(generator.fxRates("USD", START)).extracting(FxRateUpdated::currency)
                .containsExactly("EUR", "GBP", "CHF", "JPY");
        assertThat(generator.fxRates("USD", START).get(0).rateToBase()).isEqualByComparingTo("1.0869565");
    }

    static SimulationSettings settings(long seed, int accounts, FraudShare share) {
        return new SimulationSettings(20, accounts, CURRENCIES, share, seed, null, null);
    }

    /** Groups until at least {@code payments} payments, each group at a later instant (250 ms apart). */
    static List<PaymentGroup> generate(PaymentGenerator generator, int payments) {
        List<PaymentGroup> groups = new ArrayList<>();
        int generated = 0;
        for (int i = 0; generated < payments; i++) {
            PaymentGroup group = generator.next(START.plusMillis(250L * i));
            groups.add(group);
            generated += group.payments().size();
        }
        return groups;
    }

    static List<PaymentInitiated> payments(List<PaymentGroup> groups) {
        return groups.stream().flatMap(group -> group.payments().stream()).toList();
    }

    static Map<String, SimulatedAccount> byId(List<SimulatedAccount> accounts) {
        return accounts.stream().collect(Collectors.toMap(SimulatedAccount::accountId, Function.identity()));
    }
}
