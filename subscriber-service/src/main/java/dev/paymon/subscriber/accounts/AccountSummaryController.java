package dev.paymon.subscriber.accounts;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INSTANT;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INVALID;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import dev.paymon.subscriber.web.NotFoundProblem;
import dev.paymon.subscriber.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's summary, now or with {@code asOf} (an ISO-8601 instant) as it stood then, computed from the
 * stored event history. A bad {@code asOf} answers a 400 problem, an account never seen 404.
 */
@RestController
@Tag(name = "Accounts")
class AccountSummaryController {

    private final AccountSummaryRepository summaries;

    AccountSummaryController(AccountSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @Operation(summary = "An account's summary, now or as it stood at an instant",
            description = "Its payments (count, total in the base currency, latest `occurredAt`) and its alerts still "
                    + "open. Without `asOf` from running totals kept with each payment; with `asOf` computed from the "
                    + "stored history: the payments that occurred by then, the alerts detected by then and not "
                    + "acknowledged by then.",
            security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "The summary")
    @ApiResponse(responseCode = "400", description = INVALID, content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No payment or alert of this account was seen (type "
            + "`not-found`)", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/v1/accounts/{accountId}/summary")
    AccountSummary summary(@Parameter(description = "The account's id") @PathVariable String accountId,
                           @Parameter(description = "The account as it stood at this instant; now when absent. "
                                   + INSTANT) @RequestParam(required = false) String asOf) {
        QueryParameters parameters = new QueryParameters();
        Instant instant = parameters.instant("asOf", asOf);
        parameters.validate();
        return (instant == null ? summaries.current(accountId) : summaries.asOf(accountId, instant))
                .orElseThrow(() -> NotFoundProblem.problem("Account not found",
                        "No payment or alert of account '" + accountId + "' was seen."));
    }
}
