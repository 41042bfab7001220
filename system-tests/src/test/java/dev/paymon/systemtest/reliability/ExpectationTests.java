package dev.paymon.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.FraudRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The recomputation the checker compares the pipeline with, on hand-made inputs and on a whole plan. */
class ExpectationTests {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final WorkloadPlan.Shape SHAPE = new WorkloadPlan.Shape(3, Duration.ofSeconds(10),
            Duration.ofSeconds(5), 3, 4, 3);
    private static final Map<String, BigDecimal> RATES = Map.of("USD", new BigDecimal("0.9137"));

    @Test
    void convertsWithTheRateRoundingHalfEvenAndDeadLettersCurrenciesWithoutOne() {
        Expectation expected = Expectation.of(List.of(pay("p1", "a", "10.05", "USD", "DE", 0),
                pay("p2", "a", "7.50", "EUR", "DE", 1), pay("p3", "a", "1.00", "CHF", "DE", 2)), Map.of(), RATES,
                Rules.FAULT_TESTS);

        assertThat(expected.enriched().values()).containsExactly(
                new Expectation.Enriched("p1", "a", new BigDecimal("9.18"), List.of()),
                new Expectation.Enriched("p2", "a", new BigDecimal("7.50"), List.of()));
        assertThat(expected.deadLettered()).containsExactly("p3");
        assertThat(expected.windows().values()).containsExactly(new AccountActivity("a", T, T.plusSeconds(10), 2,
                new BigDecimal("16.68"), new BigDecimal("9.18")));
        assertThat(expected.alerts()).isEmpty();
    }

    @Test
    void raisesVelocityOnceOnTheSixthPaymentOfAWindowListingTheFirstSixInOrderOfAcknowledgement() {
        List<PlannedPayment> payments = List.of(pay("p7", "a", "1", "EUR", "DE", 9_000), pay("p1", "a", "1", "EUR",
                "DE", 100), pay("p2", "a", "1", "EUR", "DE", 200), pay("p3", "a", "1", "EUR", "DE", 300),
                pay("p4", "a", "1", "EUR", "DE", 400), pay("p5", "a", "1", "EUR", "DE", 500),
                pay("p6", "a", "1", "EUR", "DE", 600), pay("p8", "a", "1", "EUR", "DE", 10_000));

        Expectation expected = Expectation.of(payments, Map.of(), RATES, Rules.FAULT_TESTS);

        String id = Expectation.alertId(FraudRule.VELOCITY, "a", T.toString());
        assertThat(expected.alerts()).containsExactly(Map.entry(id, new Expectation.Alert(id, "a", FraudRule.VELOCITY,
                List.of("p7", "p1", "p2", "p3", "p4", "p5"))));
        assertThat(expected.enriched().get("p5").alertIds()).containsExactly(id);
        assertThat(expected.enriched().get("p6").alertIds()).isEmpty();
        assertThat(expected.windows().values()).extracting(AccountActivity::count).containsExactly(7L, 1L);
    }

    /** A payment the pipeline marked late is in no window, and VELOCITY counts it all the same. */
    @Test
    void leavesLatePaymentsOutOfTheirWindowsButCountsThemForVelocity() {
        List<PlannedPayment> payments = List.of(pay("p1", "a", "1", "EUR", "DE", 100), pay("p2", "a", "1", "EUR",
                "DE", 200), pay("p3", "a", "1", "EUR", "DE", 300), pay("p4", "a", "1", "EUR", "DE", 400),
                pay("p5", "a", "1", "EUR", "DE", 500), pay("late", "a", "2", "EUR", "DE", 600));

        Expectation expected = Expectation.of(payments, Map.of(), RATES, Rules.FAULT_TESTS, Set.of("late"));

        assertThat(expected.windows().values()).containsExactly(new AccountActivity("a", T, T.plusSeconds(10), 5,
                new BigDecimal("5.00"), new BigDecimal("1.00")));
        String velocity = Expectation.alertId(FraudRule.VELOCITY, "a", T.toString());
        assertThat(expected.enriched().get("late").alertIds()).containsExactly(velocity);
    }

    @Test
    void pairsAPaymentFromAnotherCountryWithEveryOtherOneMinutesApartOncePerPair() {
        List<PlannedPayment> payments = List.of(pay("x1", "a", "1", "EUR", "DE", 0), pay("x2", "a", "1", "EUR",
                "FR", 1_000), pay("x3", "a", "1", "EUR", "DE", 2_000),
                pay("x4", "a", "1", "EUR", "DE", 600_000 + 1_000));

        Expectation expected = Expectation.of(payments, Map.of(), RATES, Rules.FAULT_TESTS);

        assertThat(expected.alerts().values()).containsExactly(
                new Expectation.Alert(Expectation.alertId(FraudRule.IMPOSSIBLE_TRAVEL, "a", "x1|x2"), "a",
                        FraudRule.IMPOSSIBLE_TRAVEL, List.of("x1", "x2")),
                new Expectation.Alert(Expectation.alertId(FraudRule.IMPOSSIBLE_TRAVEL, "a", "x2|x3"), "a",
                        FraudRule.IMPOSSIBLE_TRAVEL, List.of("x2", "x3")));
    }

    @Test
    void largeAmountAndDailyLimitUseTheProfilesLimitConvertedToTheBaseCurrencyAndTheDailyOneFiresOncePerDay() {
        Map<String, PlannedAccount.Profile> profiles = Map.of("a", new PlannedAccount.Profile("DE", "LOW",
                new BigDecimal("100.00"), "USD"));
        List<PlannedPayment> payments = List.of(pay("d1", "a", "50.00", "EUR", "DE", 0),
                pay("d2", "a", "50.00", "EUR", "DE", 1_000), pay("d3", "a", "95.00", "EUR", "DE", 2_000));

        Expectation expected = Expectation.of(payments, profiles, RATES, Rules.FAULT_TESTS);

        // The limit is 100 USD = 91.37 EUR: d2 takes the day over it, d3 alone is above it.
        assertThat(expected.alerts().values()).containsExactly(
                new Expectation.Alert(Expectation.alertId(FraudRule.DAILY_LIMIT, "a", "2026-03-10"), "a",
                        FraudRule.DAILY_LIMIT, List.of("d2")),
                new Expectation.Alert(Expectation.alertId(FraudRule.LARGE_AMOUNT, "a", "d3"), "a",
                        FraudRule.LARGE_AMOUNT, List.of("d3")));
    }

    @Test
    void aPlanPlantsEveryRuleAndTheDeadLettersAndClosesEveryWindowOfEveryRatedAccount() {
        WorkloadPlan plan = WorkloadPlan.build("r1", T, SHAPE, 6);

        Expectation expected = Expectation.of(plan.payments(), profiles(plan), plan.fxRates(), Rules.FAULT_TESTS);

        Map<FraudRule, Long> byRule = expected.alerts().values().stream()
                .collect(Collectors.groupingBy(Expectation.Alert::rule, Collectors.counting()));
        // The traveller pays 12 times, once from abroad: a pair with each of the 11 others.
        assertThat(byRule).isEqualTo(Map.of(FraudRule.LARGE_AMOUNT, 1L, FraudRule.VELOCITY, 1L,
                FraudRule.IMPOSSIBLE_TRAVEL, 11L, FraudRule.DAILY_LIMIT, 2L));
        assertThat(expected.deadLettered()).hasSize(3);
        assertThat(expected.enriched()).hasSize(plan.payments().size() - 3);
        assertThat(expected.windows()).hasSize((plan.accounts().size() - 1) * SHAPE.windows());
    }

    @Test
    void aPlanIsDeterministicAndEachSenderOwnsWholePartitionsInEventTimeOrder() {
        WorkloadPlan plan = WorkloadPlan.build("r1", T, SHAPE, 6);

        assertThat(WorkloadPlan.build("r1", T, SHAPE, 6)).isEqualTo(plan);
        assertThat(plan.accounts()).hasSize(18).allSatisfy(account -> {
            assertThat(KeyPartitions.of(account.accountId(), 6)).isEqualTo(account.partition());
            assertThat(account.sender()).isEqualTo(account.partition() % 3);
        });
        assertThat(plan.payments()).isSortedAccordingTo(Comparator.comparing(PlannedPayment::occurredAt))
                .allSatisfy(p -> assertThat(p.occurredAt()).isBetween(T, plan.end().minusMillis(1)));
        Map<String, PlannedAccount> accounts = plan.accounts().stream()
                .collect(Collectors.toMap(PlannedAccount::accountId, Function.identity()));
        assertThat(plan.payments()).allSatisfy(p -> assertThat(p.sender()).isEqualTo(accounts.get(p.accountId()).sender()));
    }

    static Map<String, PlannedAccount.Profile> profiles(WorkloadPlan plan) {
        return plan.accounts().stream().filter(a -> a.profile() != null)
                .collect(Collectors.toMap(PlannedAccount::accountId, PlannedAccount::profile));
    }

    private static PlannedPayment pay(String id, String account, String amount, String currency, String country,
                                      long millisAfterT) {
        return new PlannedPayment(id, account, new BigDecimal(amount), currency, country, T.plusMillis(millisAfterT), 0);
    }
}
