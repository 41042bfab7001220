package dev.paymon.subscriber.alerts;

import static dev.paymon.subscriber.web.OpenApiConfiguration.API_KEY;
import static dev.paymon.subscriber.web.OpenApiConfiguration.CURSOR;
import static dev.paymon.subscriber.web.OpenApiConfiguration.DATABASE_UNAVAILABLE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.INVALID;
import static dev.paymon.subscriber.web.OpenApiConfiguration.LIMIT;
import static dev.paymon.subscriber.web.OpenApiConfiguration.LINK;
import static dev.paymon.subscriber.web.OpenApiConfiguration.NEXT_PAGE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.OPERATE;
import static dev.paymon.subscriber.web.OpenApiConfiguration.PROBLEM;
import static dev.paymon.subscriber.web.OpenApiConfiguration.READ;

import dev.paymon.events.FraudRule;
import dev.paymon.subscriber.web.NextPage;
import dev.paymon.subscriber.web.NotFoundProblem;
import dev.paymon.subscriber.web.PagePosition;
import dev.paymon.subscriber.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists alerts and acknowledges them. Bad filters answer one 400 problem naming every bad parameter;
 * an unknown alert id 404.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts")
class AlertController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AlertRepository alerts;

    AlertController(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /**
     * Newest first; {@code before} is the cursor of the next page (an alert id, as in the {@code Link} header
     * of a full page) or an ISO-8601 instant (alerts detected before it).
     */
    @Operation(summary = "Fraud alerts, newest first",
            description = "By `detectedAt`, then id, in pages of `limit`; every filter is optional.",
            security = @SecurityRequirement(name = API_KEY, scopes = READ))
    @ApiResponse(responseCode = "200", description = "One page of alerts",
            headers = @Header(name = LINK, description = NEXT_PAGE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = INVALID + " (an unknown rule or status too)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @GetMapping
    ResponseEntity<List<AlertResponse>> alerts(
            @Parameter(description = "Only the alerts of this account") @RequestParam(required = false)
            String accountId,
            @Parameter(description = "Only the alerts of this rule", schema = @Schema(implementation = FraudRule.class))
            @RequestParam(required = false) String rule,
            @Parameter(description = "Only the alerts in this status",
                    schema = @Schema(implementation = AlertStatus.class)) @RequestParam(required = false) String status,
            @Parameter(description = LIMIT, schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_LIMIT,
                    defaultValue = "" + DEFAULT_LIMIT)) @RequestParam(required = false) String limit,
            @Parameter(description = CURSOR + " (an alert id)") @RequestParam(required = false) String before) {
        QueryParameters parameters = new QueryParameters();
        String account = parameters.id("accountId", accountId);
        FraudRule fraudRule = parameters.oneOf(FraudRule.class, "rule", rule);
        AlertStatus alertStatus = parameters.oneOf(AlertStatus.class, "status", status);
        int max = parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        PagePosition position = parameters.cursor("before", before, id -> alerts.find(id)
                .map(alert -> PagePosition.after(alert.detectedAt(), alert.alertId())),
                "must be an ISO-8601 instant or the id of an alert");
        parameters.validate();
        List<AlertResponse> page = alerts.list(new AlertQuery(account, fraudRule, alertStatus, position, max))
                .stream().map(AlertResponse::of).toList();
        return NextPage.answer(page, max, AlertResponse::alertId);
    }

    /** Idempotent: acknowledging an acknowledged alert answers it unchanged. */
    @Operation(summary = "Acknowledge an alert",
            description = "Idempotent: an acknowledged alert is answered unchanged (it keeps its first "
                    + "acknowledgement), also after the alert is projected again.",
            security = @SecurityRequirement(name = API_KEY, scopes = OPERATE))
    @ApiResponse(responseCode = "200", description = "The alert, now ACKNOWLEDGED")
    @ApiResponse(responseCode = "404", description = "No alert with this id (type `not-found`)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE, content = @Content(mediaType = PROBLEM))
    @PostMapping("/{alertId}/acknowledge")
    AlertResponse acknowledge(@Parameter(description = "The alert's id") @PathVariable String alertId) {
        return alerts.acknowledge(alertId).map(AlertResponse::of)
                .orElseThrow(() -> NotFoundProblem.problem("Alert not found", "No alert with id '" + alertId + "'."));
    }
}
