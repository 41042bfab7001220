package dev.paymon.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RulePropertiesTests {

    @Test
    void defaultsToTheThresholdsOfTheContract() {
        RuleProperties rules = bind(Map.of());

        assertThat(rules).isEqualTo(new RuleProperties(new RuleProperties.LargeAmount(new BigDecimal("10000")),
                new RuleProperties.Velocity(5), new RuleProperties.ImpossibleTravel(Duration.ofMinutes(10)),
                new RuleProperties.DailyLimit(new BigDecimal("10000"))));
    }

    @Test
    void bindsEachThreshold() {
        RuleProperties rules = bind(Map.of("paymon.processor.rules.velocity.max-payments", "3",
                "paymon.processor.rules.impossible-travel.max-gap", "2m",
                "paymon.processor.rules.large-amount.default-limit", "500"));

        assertThat(rules.velocity().maxPayments()).isEqualTo(3);
        assertThat(rules.rules().impossibleTravel().maxGap()).hasMinutes(2);
        assertThat(rules.largeAmount().defaultLimit()).isEqualByComparingTo("500");
    }

    private static RuleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paymon.processor.rules", RuleProperties.class);
    }
}
