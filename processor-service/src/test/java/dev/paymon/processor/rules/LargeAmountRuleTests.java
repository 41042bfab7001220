package dev.paymon.processor.rules;

import static dev.paymon.processor.rules.Payments.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeAmountRuleTests {

    private final LargeAmountRule rule = new LargeAmountRule(new BigDecimal("10000"));

    @Test
    void firesAboveTheAccountsLimit() {
        assertThat(rule.check(enriched("p-1", "500.01"), new BigDecimal("500.00"))).contains(
                new Finding(FraudRule.LARGE_AMOUNT, Severity.HIGH, "acc-1", "p-1", List.of("p-1")));
    }

    @Test
    void allowsExactlyTheLimit() {
        assertThat(rule.check(enriched("p-1", "500.00"), new BigDecimal("500.00"))).isEmpty();
    }

    @Test
    void usesTheDefaultLimitWhenTheAccountsIsUnknown() {
        assertThat(rule.check(enriched("p-1", "10000.00"), null)).isEmpty();
        assertThat(rule.check(enriched("p-2", "10000.01"), null)).isPresent();
    }

    @Test
    void prefersTheAccountsLimitOverTheDefaultEvenWhenHigher() {
        assertThat(rule.check(enriched("p-1", "20000.00"), new BigDecimal("50000"))).isEmpty();
    }
}
