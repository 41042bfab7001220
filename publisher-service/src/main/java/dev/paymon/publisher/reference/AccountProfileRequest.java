package dev.paymon.publisher.reference;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code PUT /api/v1/accounts/{accountId}}, for the OpenAPI document only. */
@Schema(name = "AccountProfileRequest", description = "The profile of an account")
record AccountProfileRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 3166-1 alpha-2", example = "DE")
        String homeCountry,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"LOW", "MEDIUM", "HIGH"}, example = "LOW")
        String riskTier,
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", description = "Greater than 0, in currency",
                example = "5000.00") String dailyLimit,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 4217", example = "EUR") String currency) {
}
