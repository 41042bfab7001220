package dev.paymon.subscriber.alerts;

import dev.paymon.events.FraudRule;
import dev.paymon.subscriber.web.NextPage;
import dev.paymon.subscriber.web.NotFoundProblem;
import dev.paymon.subscriber.web.PagePosition;
import dev.paymon.subscriber.web.QueryParameters;
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
    @GetMapping
    ResponseEntity<List<AlertResponse>> alerts(@RequestParam(required = false) String accountId,
                                               @RequestParam(required = false) String rule,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String before) {
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
    @PostMapping("/{alertId}/acknowledge")
    AlertResponse acknowledge(@PathVariable String alertId) {
        return alerts.acknowledge(alertId).map(AlertResponse::of)
                .orElseThrow(() -> NotFoundProblem.problem("Alert not found", "No alert with id '" + alertId + "'."));
    }
}
