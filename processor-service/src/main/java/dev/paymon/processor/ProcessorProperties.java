package dev.paymon.processor;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the processor ({@code paymon.processor.*}; windows, rules and RocksDB have their own groups).
 *
 * @param baseCurrency     the ISO 4217 currency every amount is converted to ({@code amountBase})
 * @param dedupeRetention  how long, in event time, a payment id is remembered to drop duplicates and refuse other
 *                         payments under it (24h)
 * @param maxEventTimeAhead how far ahead of the processor's clock an {@code occurredAt} may be (5m); later
 *                          ones are dead-lettered ({@code MISSING_EVENT_TIME}). Keep it well under the
 *                          broker's {@code log.message.timestamp.after.max.ms} (1h by default).
 * @param processingGuarantee {@code exactly-once} (default) or {@code at-least-once}, the explicit low-latency option
 */
@Validated
@ConfigurationProperties("paymon.processor")
public record ProcessorProperties(
        @DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String baseCurrency,
        @DefaultValue("24h") @NotNull Duration dedupeRetention,
        @DefaultValue("5m") @NotNull Duration maxEventTimeAhead,
        @DefaultValue("exactly-once") @NotNull ProcessingGuarantee processingGuarantee) {
}
