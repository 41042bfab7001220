package dev.paymon.subscriber.activity;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INSTANT;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INVALID;
import static dev.paymon.subscriber.web.OpenApiConfiguration.LIMIT;
import static dev.paymon.subscriber.web.OpenApiConfiguration.LINK;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import dev.paymon.subscriber.web.NextPage;
import dev.paymon.subscriber.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's closed activity windows, by start. {@code from} (inclusive) and {@code to} (exclusive)
 * bound the window starts as ISO-8601 instants; bad ones answer a 400 problem naming each. At most
 * {@code limit} windows per page: a full page links to the next with {@code from} set to the last window's
 * end, where the next tumbling window starts at the earliest.
 */
@RestController
@Tag(name = "Accounts")
class ActivityController {

    private final ActivityRepository activity;

    ActivityController(ActivityRepository activity) {
        this.activity = activity;
    }

    /** A day of 60 s windows. */
    static final int DEFAULT_LIMIT = 1440;
    static final int MAX_LIMIT = 10_000;

    @Operation(summary = "An account's closed activity windows, by start",
            description = "Each window the processor closed: its count of payments, their total and largest amount "
                    + "in the base currency. Pages of `limit` windows; a full page links to the next with `from` set "
                    + "to the last window's end.",
            security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "One page of windows", headers = @Header(name = LINK,
            description = "Only on a full page: `<url>; rel=\"next\"` (RFC 8288), this request with `limit` and `from` "
                    + "set to the last window's end; follow it until a page comes without one",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = INVALID + " (also `from` after `to`)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/v1/accounts/{accountId}/activity")
    ResponseEntity<List<ActivityResponse>> activity(
            @Parameter(description = "The account's id") @PathVariable String accountId,
            @Parameter(description = "Windows starting at or after this instant (the cursor of the next page). "
                    + INSTANT) @RequestParam(required = false) String from,
            @Parameter(description = "Windows starting before this instant. " + INSTANT)
            @RequestParam(required = false) String to,
            @Parameter(description = LIMIT, schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT)) @RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        int max = parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Instant start = parameters.instant("from", from);
        Instant end = parameters.instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            parameters.reject("from", "must not be after to");
        }
        parameters.validate();
        List<ActivityResponse> page = activity.list(accountId, start, end, max).stream()
                .map(ActivityResponse::of).toList();
        return NextPage.answer(page, max, "from", window -> window.windowEnd().toString());
    }
}
