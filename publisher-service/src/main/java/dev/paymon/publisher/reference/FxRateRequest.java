package dev.paymon.publisher.reference;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code PUT /api/v1/fx-rates/{currency}}, for the OpenAPI document only. */
@Schema(name = "FxRateRequest", description = "How many units of the base currency one unit is worth")
record FxRateRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", description = "Greater than 0, at most 10 "
                + "decimals", example = "1.0825") String rateToBase) {
}
