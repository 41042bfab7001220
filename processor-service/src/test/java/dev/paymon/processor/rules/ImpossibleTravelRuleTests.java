package dev.paymon.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpossibleTravelRuleTests {

    private static final Instant T = Instant.parse("2026-11-28T10:15:00Z");

    private final ImpossibleTravelRule rule = new ImpossibleTravelRule(Duration.ofMinutes(10));

    @Test
    void firesForAnotherCountryJustUnderTheGapBefore() {
        Sighting paris = new Sighting("p-fr", "FR", T.minus(Duration.ofMinutes(10)).plusMillis(1));
        Sighting berlin = new Sighting("p-de", "DE", T);

        assertThat(rule.check("acc-1", berlin, List.of(paris))).containsExactly(
                new Finding(FraudRule.IMPOSSIBLE_TRAVEL, Severity.HIGH, "acc-1", "p-de|p-fr", List.of("p-fr", "p-de")));
    }

    @Test
    void firesForAnotherCountryLaterInEventTimeWithTheSameAlertId() {
        Sighting paris = new Sighting("p-fr", "FR", T.plusSeconds(30));
        Sighting berlin = new Sighting("p-de", "DE", T);

        List<Finding> berlinFirst = rule.check("acc-1", paris, List.of(berlin));
        List<Finding> parisFirst = rule.check("acc-1", berlin, List.of(paris));

        assertThat(berlinFirst).isEqualTo(parisFirst).extracting(Finding::paymentIds).containsExactly(List.of("p-de", "p-fr"));
    }

    @Test
    void doesNotFireAtExactlyTheGap() {
        Sighting paris = new Sighting("p-fr", "FR", T.plus(Duration.ofMinutes(10)));

        assertThat(rule.check("acc-1", paris, List.of(new Sighting("p-de", "DE", T)))).isEmpty();
    }

    @Test
    void doesNotFireWithinOneCountry() {
        assertThat(rule.check("acc-1", new Sighting("p-2", "DE", T), List.of(new Sighting("p-1", "DE", T)))).isEmpty();
    }

    @Test
    void firesOncePerPairInEventTimeOrder() {
        List<Sighting> others = List.of(new Sighting("p-b", "FR", T.plusSeconds(60)), new Sighting("p-a", "AT", T),
                new Sighting("p-c", "DE", T.plusSeconds(5)));

        assertThat(rule.check("acc-1", new Sighting("p-x", "DE", T.plusSeconds(10)), others))
                .extracting(Finding::paymentIds).containsExactly(List.of("p-a", "p-x"), List.of("p-x", "p-b"));
    }
}
