package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static dev.paymon.processor.payments.TopologyFixture.accepted;
import static dev.paymon.processor.payments.TopologyFixture.at;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static dev.paymon.processor.payments.TopologyFixture.rate;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Severity;
import dev.paymon.processor.monitoring.AccountMonitoring;
import dev.paymon.processor.monitoring.WindowProperties;
import dev.paymon.processor.rules.Sighting;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.streams.state.WindowStore;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The four fraud rules through the whole topology, with the default thresholds, for payments in time and late.
 * Windows close by event time here (the driver's wall clock does not move).
 */
class FraudTopologyTests extends TopologyTest {

    @Test
    void flagsAPaymentAboveTheAccountsDailyLimitConvertedToTheBaseCurrency() {
        fixture.fxRates.pipeInput("USD", rate("USD", "0.90", "EUR"));
        fixture.profiles.pipeInput("acc-1", new AccountProfileUpdated("acc-1", "DE", RiskTier.LOW,
                new BigDecimal("1000.00"), "USD", Instant.parse("2026-11-01T00:00:00Z")));
        PaymentInitiated atTheLimit = payment("p-1", "acc-1", "900.00", at("10:15:00"));
        PaymentInitiated aboveIt = payment("p-2", "acc-2", "900.01", at("10:15:01"));
        PaymentInitiated aboveTheLimit = payment("p-3", "acc-1", "900.01", at("10:15:02"));

        fixture.send(atTheLimit);
        fixture.send(aboveIt);
        fixture.send(aboveTheLimit);

        AlertRaised large = alert(FraudRule.LARGE_AMOUNT, Severity.HIGH, "acc-1", "p-3", "p-3");
        AlertRaised daily = alert(FraudRule.DAILY_LIMIT, Severity.LOW, "acc-1", "2026-11-28", "p-3");
        assertThat(fixture.alerts.readValuesToList()).containsExactly(large, daily);
        assertThat(fixture.enriched.readValuesToList()).containsExactly(
                withTier(accepted(atTheLimit), RiskTier.LOW), accepted(aboveIt),
                flagged(withTier(accepted(aboveTheLimit), RiskTier.LOW), large, daily));
        assertThat(fixture.events).containsExactly("alert LARGE_AMOUNT", "alert DAILY_LIMIT");
    }

    @Test
    void usesTheDefaultLimitForAnAccountWithoutProfile() {
        fixture.send(payment("p-1", "acc-1", "10000.00", at("10:15:00")));
        fixture.send(payment("p-2", "acc-2", "10000.01", at("10:15:00")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::rule, AlertRaised::paymentIds)
                .containsExactly(tuple(FraudRule.LARGE_AMOUNT, List.of("p-2")),
                        tuple(FraudRule.DAILY_LIMIT, List.of("p-2")));
    }

    @Test
    void usesTheDefaultLimitWhenTheProfilesCurrencyHasNoRate() {
        fixture.profiles.pipeInput("acc-1", new AccountProfileUpdated("acc-1", "CH", RiskTier.LOW,
                new BigDecimal("100.00"), "CHF", Instant.parse("2026-11-01T00:00:00Z")));

        fixture.send(payment("p-1", "acc-1", "200.00", at("10:15:00")));
        fixture.send(payment("p-2", "acc-1", "10000.01", at("10:15:01")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::rule, AlertRaised::paymentIds)
                .containsExactly(tuple(FraudRule.LARGE_AMOUNT, List.of("p-2")), tuple(FraudRule.DAILY_LIMIT, List.of("p-2")));
    }

    @Test
    void raisesVelocityOnTheSixthPaymentOfAWindowAndOnlyOnce() {
        List<PaymentInitiated> payments = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> payment("p-" + i, "acc-1", "1.00", at("10:15:0" + i))).toList();

        payments.subList(0, 5).forEach(fixture::send);
        assertThat(fixture.alerts.isEmpty()).as("five payments are allowed").isTrue();

        fixture.send(payments.get(5));
        fixture.send(payments.get(6));

        AlertRaised velocity = alert(FraudRule.VELOCITY, Severity.MEDIUM, "acc-1", "2026-11-28T10:15:00Z",
                "p-1", "p-2", "p-3", "p-4", "p-5", "p-6");
        assertThat(fixture.alerts.readValuesToList()).containsExactly(velocity);
        assertThat(fixture.enriched.readValuesToList()).extracting(PaymentEnriched::status, PaymentEnriched::alertIds)
                .containsExactly(ok(), ok(), ok(), ok(), ok(),
                        tuple(PaymentStatus.FLAGGED, List.of(velocity.alertId())), ok());
    }

    @Test
    void doesNotCountPaymentsOfNeighbouringWindowsTogetherForVelocity() {
        IntStream.range(0, 3).forEach(i -> fixture.send(payment("a-" + i, "acc-1", "1.00", at("10:15:5" + i))));
        IntStream.range(0, 3).forEach(i -> fixture.send(payment("b-" + i, "acc-1", "1.00", at("10:16:0" + i))));

        assertThat(fixture.alerts.isEmpty()).isTrue();
    }

    @Test
    void raisesImpossibleTravelForTwoCountriesUnderTheGapWhateverTheArrivalOrder() {
        fixture.send(payment("p-fr", "acc-1", "1.00", "FR", at("10:15:50")));
        fixture.send(payment("p-de", "acc-1", "1.00", "DE", at("10:15:10")));

        assertThat(fixture.alerts.readValuesToList()).containsExactly(
                alert(FraudRule.IMPOSSIBLE_TRAVEL, Severity.HIGH, "acc-1", "p-de|p-fr", "p-de", "p-fr"));
    }

    @Test
    void raisesNoImpossibleTravelAtExactlyTheGapNorWithinOneCountry() {
        fixture.send(payment("p-1", "acc-1", "1.00", "DE", at("10:15:00")));
        fixture.send(payment("p-2", "acc-1", "1.00", "FR", at("10:25:00")));
        fixture.send(payment("p-3", "acc-1", "1.00", "FR", at("10:25:01")));
        fixture.send(payment("p-4", "acc-2", "1.00", "DE", at("10:25:02")));

        assertThat(fixture.alerts.isEmpty()).isTrue();

        fixture.send(payment("p-5", "acc-1", "1.00", "DE", at("10:25:03")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::paymentIds)
                .containsExactly(List.of("p-2", "p-5"), List.of("p-3", "p-5"));
    }

    @Test
    void pairsAPaymentWithTheSightingsOfEveryOtherCountryInTheGap() {
        fixture.send(payment("p-1", "acc-1", "1.00", "DE", at("10:15:00")));
        fixture.send(payment("p-2", "acc-1", "1.00", "DE", at("10:16:00")));
        fixture.send(payment("p-3", "acc-1", "1.00", "FR", at("10:17:00")));
        fixture.send(payment("p-4", "acc-1", "1.00", "IT", at("10:18:00")));
        fixture.send(payment("p-5", "acc-1", "1.00", "IT", at("10:26:30")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::paymentIds).containsExactly(
                List.of("p-1", "p-3"), List.of("p-2", "p-3"),
                List.of("p-1", "p-4"), List.of("p-2", "p-4"), List.of("p-3", "p-4"),
                List.of("p-3", "p-5"));
    }

    @Test
    void findsPairsWithSightingsStoredByEarlierReleasesUnderTheAccountAlone() {
        WindowStore<String, Sighting> sightings = fixture.driver.getWindowStore(AccountMonitoring.SIGHTINGS);
        Instant earlier = at("10:14:00");
        sightings.put("acc-1", new Sighting("p-old", "FR", earlier), earlier.toEpochMilli());

        fixture.send(payment("p-1", "acc-1", "1.00", "DE", at("10:15:00")));
        fixture.send(payment("p-2", "acc-1", "1.00", "DE", at("10:16:00")));
        fixture.send(payment("p-3", "acc-2", "1.00", "DE", at("10:16:00")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::accountId, AlertRaised::paymentIds)
                .containsExactly(tuple("acc-1", List.of("p-old", "p-1")), tuple("acc-1", List.of("p-old", "p-2")));
    }

    @Test
    void raisesDailyLimitOnThePaymentThatCrossesItOncePerAccountAndUtcDay() {
        fixture.send(payment("p-1", "acc-1", "6000.00", at("10:15:00")));
        fixture.send(payment("p-2", "acc-1", "4000.00", at("10:15:01")));
        fixture.send(payment("p-3", "acc-1", "0.01", at("10:15:02")));
        fixture.send(payment("p-4", "acc-1", "500.00", at("10:15:03")));
        fixture.send(payment("p-5", "acc-1", "9999.00", Instant.parse("2026-11-29T00:00:10Z")));
        fixture.send(payment("p-6", "acc-1", "2.00", Instant.parse("2026-11-29T00:00:11Z")));

        assertThat(fixture.alerts.readValuesToList()).containsExactly(
                alert(FraudRule.DAILY_LIMIT, Severity.LOW, "acc-1", "2026-11-28", "p-3"),
                alert(FraudRule.DAILY_LIMIT, Severity.LOW, "acc-1", "2026-11-29", "p-6"));
    }

    /** A late payment is counted in its window for VELOCITY, although the window's result left it out. */
    @Test
    void countsALatePaymentForVelocityInItsEmittedWindow() {
        IntStream.rangeClosed(1, 5).forEach(i -> fixture.send(payment("p-" + i, "acc-1", "1.00", at("10:15:0" + i))));
        fixture.send(payment("p-close", "acc-2", "1.00", at("10:16:31")));
        assertThat(fixture.activity.readValuesToList()).extracting(a -> a.accountId(), a -> a.count())
                .containsExactly(tuple("acc-1", 5L));

        fixture.send(payment("p-6", "acc-1", "1.00", at("10:15:30")));

        AlertRaised velocity = alert(FraudRule.VELOCITY, Severity.MEDIUM, "acc-1", "2026-11-28T10:15:00Z",
                "p-1", "p-2", "p-3", "p-4", "p-5", "p-6");
        assertThat(fixture.alerts.readValuesToList()).containsExactly(velocity);
        assertThat(fixture.enriched.readValuesToList()).last()
                .extracting(e -> e.payment().paymentId(), PaymentEnriched::late, PaymentEnriched::alertIds)
                .isEqualTo(List.of("p-6", true, List.of(velocity.alertId())));
        assertThat(fixture.activity.isEmpty()).as("the window's result is not emitted again").isTrue();
    }

    /** The same while the window is final but not emitted yet (its closing is spread over the next payments). */
    @Test
    void countsALatePaymentForVelocityInItsWindowDueButNotYetEmitted() {
        // Nine windows become due at once; each payment closes four, oldest (by account) first.
        IntStream.range(0, 8).forEach(i -> fixture.send(payment("q-" + i, "acc-" + i, "1.00", at("10:15:00"))));
        IntStream.rangeClosed(1, 5).forEach(i -> fixture.send(payment("p-" + i, "acc-z", "1.00", at("10:15:0" + i))));
        fixture.send(payment("p-close", "acc-y", "1.00", at("10:16:31")));
        assertThat(fixture.activity.readValuesToList()).extracting(a -> a.accountId()).doesNotContain("acc-z");

        fixture.send(payment("p-6", "acc-z", "1.00", at("10:15:30")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::rule, AlertRaised::paymentIds)
                .containsExactly(tuple(FraudRule.VELOCITY, List.of("p-1", "p-2", "p-3", "p-4", "p-5", "p-6")));
        fixture.send(payment("p-next", "acc-y", "1.00", at("10:16:32")));
        assertThat(fixture.activity.readValuesToList()).filteredOn(a -> a.accountId().equals("acc-z"))
                .extracting(a -> a.count()).containsExactly(5L);
    }

    @Test
    void addsALatePaymentToItsDaysSpendForDailyLimit() {
        fixture.send(payment("p-1", "acc-1", "9000.00", at("10:15:00")));
        fixture.send(payment("p-close", "acc-2", "1.00", at("10:20:00")));

        fixture.send(payment("p-late", "acc-1", "2000.00", at("10:15:10")));

        assertThat(fixture.alerts.readValuesToList()).containsExactly(
                alert(FraudRule.DAILY_LIMIT, Severity.LOW, "acc-1", "2026-11-28", "p-late"));
        assertThat(fixture.enriched.readValuesToList()).last().extracting(PaymentEnriched::late).isEqualTo(true);
    }

    @Test
    void pairsALatePaymentWithTheSightingsAroundItsEventTime() {
        fixture.send(payment("p-de", "acc-1", "1.00", "DE", at("10:15:10")));
        fixture.send(payment("p-close", "acc-2", "1.00", "DE", at("10:40:00")));

        fixture.send(payment("p-fr", "acc-1", "1.00", "FR", at("10:14:00")));

        assertThat(fixture.alerts.readValuesToList()).extracting(AlertRaised::rule, AlertRaised::paymentIds)
                .containsExactly(tuple(FraudRule.IMPOSSIBLE_TRAVEL, List.of("p-fr", "p-de")));
        assertThat(fixture.enriched.readValuesToList()).last().extracting(PaymentEnriched::late).isEqualTo(true);
    }

    /** With history as short as window + grace, the sightings are kept only window + grace + gap + window. */
    @Test
    void checksAPaymentLaterThanTheHistoryAgainstWhatIsLeft() {
        restart(dir -> new TopologyFixture(dir, new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(1), 4, 250, Duration.ofSeconds(90))));
        fixture.send(payment("p-de", "acc-1", "1.00", "DE", at("10:15:10")));
        fixture.send(payment("p-close", "acc-2", "1.00", "DE", at("10:40:00")));

        fixture.send(payment("p-fr", "acc-1", "1.00", "FR", at("10:14:00")));

        assertThat(fixture.alerts.isEmpty()).as("the DE sighting has expired").isTrue();
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId(), PaymentEnriched::late)
                .containsExactly(tuple("p-de", false), tuple("p-close", false), tuple("p-fr", true));
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    private static Tuple ok() {
        return tuple(PaymentStatus.ACCEPTED, List.of());
    }

    /** The alert as the topology must write it: id from rule, account and discriminator; detected when processed. */
    static AlertRaised alert(FraudRule rule, Severity severity, String accountId, String discriminator, String... paymentIds) {
        String alertId = UUID.nameUUIDFromBytes((rule + "|" + accountId + "|" + discriminator).getBytes(UTF_8)).toString();
        return new AlertRaised(alertId, accountId, rule, severity, List.of(paymentIds), NOW);
    }

    static PaymentEnriched flagged(PaymentEnriched payment, AlertRaised... alerts) {
        return new PaymentEnriched(payment.payment(), payment.amountBase(), payment.baseCurrency(), payment.riskTier(),
                PaymentStatus.FLAGGED, List.of(alerts).stream().map(AlertRaised::alertId).toList(), payment.processedAt(), false);
    }

    private static PaymentEnriched withTier(PaymentEnriched payment, RiskTier tier) {
        return new PaymentEnriched(payment.payment(), payment.amountBase(), payment.baseCurrency(), tier,
                payment.status(), payment.alertIds(), payment.processedAt(), false);
    }
}
