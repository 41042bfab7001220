package dev.paymon.subscriber.stats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What {@code GET /api/v1/stats} shows.
 *
 * @param lastDeadLetters how many of the newest dead letters it lists (0 for none)
 */
@ConfigurationProperties("paymon.subscriber.stats")
@Validated
record StatsProperties(@DefaultValue("10") @Min(0) @Max(100) int lastDeadLetters) {
}
