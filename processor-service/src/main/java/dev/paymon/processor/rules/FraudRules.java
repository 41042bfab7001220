package dev.paymon.processor.rules;

/** The fraud rules the processor checks every payment against. */
public record FraudRules(LargeAmountRule largeAmount, VelocityRule velocity, ImpossibleTravelRule impossibleTravel,
                         DailyLimitRule dailyLimit) {
}
