package dev.paymon.processor.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How strongly the processor guarantees its processing ({@code paymon.processor.processing-guarantee}).
 *
 * @param processingGuarantee {@code exactly-once} (default) or {@code at-least-once}, the explicit low-latency option
 */
@Validated
@ConfigurationProperties("paymon.processor")
record GuaranteeProperties(@DefaultValue("exactly-once") @NotNull ProcessingGuarantee processingGuarantee) {
}
