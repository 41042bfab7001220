package dev.paymon.publisher.simulation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/v1/simulations}, for the OpenAPI document only: requests are read field by field by
 * {@link SimulationSettingsParser}, so that every bad field is reported at once. Every field is optional.
 */
@Schema(name = "SimulationRequest", description = "Settings of a traffic simulation; every field is optional")
record SimulationRequest(
        @Schema(description = "Payments per second, 0.1 to 1000. Keep accounts at least 15 times this, or ordinary "
                + "traffic alone exceeds VELOCITY (5 per account and minute)", defaultValue = "20", example = "20")
        Double ratePerSecond,
        @Schema(description = "Simulated accounts sim-<seed>-1 .. sim-<seed>-<accounts>, 1 to 100000",
                defaultValue = "1000", example = "1000") Integer accounts,
        @Schema(description = "Account currencies (ISO 4217, among those the simulator has FX rates for)",
                defaultValue = "[\"EUR\",\"USD\",\"GBP\",\"CHF\"]") List<String> currencies,
        @Schema(description = "Share of all payments per fraud pattern, each 0..1, at most 1 together")
        FraudShareRequest fraudShare,
        @Schema(description = "Seeds every random choice: the same settings and seed send the same payments (ids "
                + "sim-<seed>-p<n>; the processor drops a repeated id as a duplicate). Random when absent",
                example = "42") Long seed,
        @Schema(description = "Stop after this many seconds (at most 30 days); runs until stopped when absent",
                nullable = true) Long durationSeconds,
        @Schema(description = "Stop after this many payments; no limit when absent", nullable = true)
        Long maxPayments) {

    /** Shares of all payments. */
    @Schema(name = "FraudShare")
    record FraudShareRequest(
            @Schema(description = "One payment above the account's daily limit (LARGE_AMOUNT, DAILY_LIMIT)",
                    defaultValue = "0.02") Double largeAmount,
            @Schema(description = "7 payments of one account within 2 seconds (VELOCITY)", defaultValue = "0.02")
            Double burst,
            @Schema(description = "2 payments of one account from different countries within 20 seconds "
                    + "(IMPOSSIBLE_TRAVEL)", defaultValue = "0.02") Double countryHop) {
    }
}
