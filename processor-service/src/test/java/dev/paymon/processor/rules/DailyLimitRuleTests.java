package dev.paymon.processor.rules;

import static dev.paymon.processor.rules.Payments.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyLimitRuleTests {

    private final DailyLimitRule rule = new DailyLimitRule(new BigDecimal("10000"));

    @Test
    void firesOnThePaymentThatTakesTheSpendOverTheLimit() {
        assertThat(rule.check(enriched("p-3", "0.01"), new BigDecimal("1000"), new BigDecimal("1000.00"), false)).contains(
                new Finding(FraudRule.DAILY_LIMIT, Severity.LOW, "acc-1", "2026-11-28", List.of("p-3")));
    }

    @Test
    void allowsASpendOfExactlyTheLimit() {
        assertThat(rule.check(enriched("p-2", "400.00"), new BigDecimal("1000"), new BigDecimal("600.00"), false)).isEmpty();
    }

    @Test
    void firesOncePerDay() {
        assertThat(rule.check(enriched("p-4", "5.00"), new BigDecimal("1000"), new BigDecimal("1000.01"), true)).isEmpty();
    }

    @Test
    void firesWhenALoweredLimitIsAlreadyExceeded() {
        assertThat(rule.check(enriched("p-4", "5.00"), new BigDecimal("100"), new BigDecimal("500.00"), false)).isPresent();
    }

    @Test
    void usesTheDefaultLimitWhenTheAccountsIsUnknown() {
        assertThat(rule.check(enriched("p-1", "10000.00"), null, new BigDecimal("0.00"), false)).isEmpty();
        assertThat(rule.check(enriched("p-1", "10000.01"), null, new BigDecimal("0.00"), false)).isPresent();
    }

    @Test
    void countsByUtcDayOfTheEventTime() {
        assertThat(DailyLimitRule.dayOf(Instant.parse("2026-11-28T23:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(DailyLimitRule.dayOf(Instant.parse("2026-11-29T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(rule.check(enriched("p-1", "20000", Instant.parse("2026-11-29T00:30:00Z")), null,
                new BigDecimal("0.00"), false)).map(Finding::discriminator).contains("2026-11-29");
    }
}
