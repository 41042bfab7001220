package dev.paymon.subscriber.alerts;

import dev.paymon.events.FraudRule;
import dev.paymon.subscriber.config.NotFound;
import dev.paymon.subscriber.config.QueryParameters;
import java.util.List;
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

    @GetMapping
    List<AlertResponse> alerts(@RequestParam(required = false) String accountId,
                               @RequestParam(required = false) String rule,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        FraudRule fraudRule = parameters.oneOf(FraudRule.class, "rule", rule);
        AlertStatus alertStatus = parameters.oneOf(AlertStatus.class, "status", status);
        int max = parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        parameters.validate();
        return alerts.list(new AlertQuery(accountId, fraudRule, alertStatus, max)).stream()
                .map(AlertResponse::of).toList();
    }

    /** Idempotent: acknowledging an acknowledged alert answers it unchanged. */
    @PostMapping("/{alertId}/acknowledge")
    AlertResponse acknowledge(@PathVariable String alertId) {
        return alerts.acknowledge(alertId).map(AlertResponse::of)
                .orElseThrow(() -> NotFound.problem("Alert not found", "No alert with id '" + alertId + "'."));
    }
}
