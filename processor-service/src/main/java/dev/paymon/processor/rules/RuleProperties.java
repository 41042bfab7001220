package dev.paymon.processor.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the fraud rules ({@code paymon.processor.rules.*}); amounts are in the base currency.
 *
 * @param largeAmount      {@code default-limit}: limit of a single payment when the account has no usable profile (10000)
 * @param velocity         {@code max-payments}: payments allowed in one window before VELOCITY fires (5)
 * @param impossibleTravel {@code max-gap}: payments from two countries closer than this in event time fire (10m)
 * @param dailyLimit       {@code default-limit}: daily spend limit when the account has no usable profile (10000)
 */
@Validated
@ConfigurationProperties("paymon.processor.rules")
public record RuleProperties(
        @DefaultValue @Valid LargeAmount largeAmount,
        @DefaultValue @Valid Velocity velocity,
        @DefaultValue @Valid ImpossibleTravel impossibleTravel,
        @DefaultValue @Valid DailyLimit dailyLimit) {

    public record LargeAmount(@DefaultValue("10000") @NotNull @Positive BigDecimal defaultLimit) {
    }

    public record Velocity(@DefaultValue("5") @Positive int maxPayments) {
    }

    public record ImpossibleTravel(@DefaultValue("10m") @NotNull Duration maxGap) {
    }

    public record DailyLimit(@DefaultValue("10000") @NotNull @Positive BigDecimal defaultLimit) {
    }

    /** The four rules with these thresholds. */
    public FraudRules rules() {
        return new FraudRules(new LargeAmountRule(largeAmount.defaultLimit()), new VelocityRule(velocity.maxPayments()),
                new ImpossibleTravelRule(impossibleTravel.maxGap()), new DailyLimitRule(dailyLimit.defaultLimit()));
    }
}
