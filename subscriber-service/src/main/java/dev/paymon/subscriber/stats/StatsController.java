package dev.paymon.subscriber.stats;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats}: counts of payments (late ones too), alerts by rule, and dead letters by reason. */
@RestController
@Tag(name = "Stats")
class StatsController {

    private final Stats stats;

    StatsController(Stats stats) {
        this.stats = stats;
    }

    @Operation(summary = "Counts of payments, alerts and dead letters",
            description = "From the running counts the projections keep with what they store: exact, and the same "
                    + "after restarts and rebuilds. `byRule` and `byReason` name every rule and reason, with 0 when "
                    + "there are none; `deadLetters.last` holds the newest dead letters of `payments.dlq.v1`.",
            security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/v1/stats")
    StatsResponse stats() {
        return stats.now();
    }
}
