package dev.paymon.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VelocityRuleTests {

    private static final Instant WINDOW = Instant.parse("2026-11-28T10:15:00Z");
    private static final List<String> SIX = List.of("p-1", "p-2", "p-3", "p-4", "p-5", "p-6");

    private final VelocityRule rule = new VelocityRule(5);

    @Test
    void allowsFivePaymentsInAWindow() {
        assertThat(rule.check("acc-1", WINDOW, 5, SIX.subList(0, 5))).isEmpty();
    }

    @Test
    void firesOnTheSixthListingTheWindowsFirstSixPayments() {
        assertThat(rule.check("acc-1", WINDOW, 6, SIX)).contains(
                new Finding(FraudRule.VELOCITY, Severity.MEDIUM, "acc-1", "2026-11-28T10:15:00Z", SIX));
    }

    @Test
    void firesOncePerWindowNotOnEveryFurtherPayment() {
        assertThat(rule.check("acc-1", WINDOW, 7, SIX)).isEmpty();
        assertThat(rule.check("acc-1", WINDOW, 100, SIX)).isEmpty();
    }

    @Test
    void asksToKeepOneIdMoreThanTheLimit() {
        assertThat(rule.idsToKeep()).isEqualTo(6);
        assertThat(new VelocityRule(2).check("acc-1", WINDOW, 3, List.of("a", "b", "c")))
                .map(Finding::paymentIds).contains(List.of("a", "b", "c"));
    }
}
