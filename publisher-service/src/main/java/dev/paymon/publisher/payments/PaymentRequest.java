package dev.paymon.publisher.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The request body of a payment, for the OpenAPI document only: requests are read field by field by
 * {@link PaymentRequestParser}, so that every bad field is reported at once.
 */
@Schema(name = "PaymentRequest", description = "A payment to publish")
record PaymentRequest(
        @Schema(description = "Idempotency key: letters, digits, . _ : -, at most 64; a UUID is generated when "
                + "absent", example = "7d1f0f3e-2b7a-4c59-9a53-2f4f5bb3c9a1") String paymentId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Letters, digits, . _ : -, at most 64",
                example = "acc-42") String accountId,
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", description = "Greater than 0, a decimal "
                + "string (or JSON number) with at most 2 decimals, 0 for currencies without minor units",
                example = "125.50") String amount,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 4217", example = "EUR") String currency,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "m-981") String merchantId,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "5411") String merchantCategory,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 3166-1 alpha-2", example = "DE") String country,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"CARD_PRESENT", "ECOMMERCE", "TRANSFER",
                "ATM"}, example = "ECOMMERCE") String channel,
        @Schema(description = "ISO-8601 instant, at most paymon.publisher.max-event-time-ahead (10s by default) "
                + "ahead of the publisher's clock; now when absent",
                example = "2025-05-01T12:00:00Z") String occurredAt) {
}
