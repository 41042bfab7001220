package dev.paymon.processor.payments;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the payment pipeline.
 *
 * @param baseCurrency the ISO 4217 currency every amount is converted to ({@code amountBase})
 */
@Validated
@ConfigurationProperties("paymon.processor")
record ProcessorProperties(@DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String baseCurrency) {
}
