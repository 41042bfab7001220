/**
 * The fraud rules ({@link VelocityRule}, {@link LargeAmountRule}, {@link ImpossibleTravelRule},
 * {@link DailyLimitRule}), their thresholds ({@link RuleProperties}) and what a rule that fired yields
 * ({@link Finding}). Plain Java over events: no Kafka, no Spring but in {@link RuleProperties}, nothing of the topology
 * or the monitor.
 */
package dev.paymon.processor.rules;
