package dev.paymon.subscriber.alerts;

import dev.paymon.events.FieldViolation;
import dev.paymon.events.FraudRule;
import dev.paymon.subscriber.config.InvalidQueryException;
import dev.paymon.support.web.ProblemTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
        List<FieldViolation> violations = new ArrayList<>();
        FraudRule fraudRule = parse(FraudRule.class, "rule", rule, violations);
        AlertStatus alertStatus = parse(AlertStatus.class, "status", status, violations);
        int max = limit(limit, violations);
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
        return alerts.list(new AlertQuery(accountId, fraudRule, alertStatus, max)).stream()
                .map(AlertResponse::of).toList();
    }

    /** Idempotent: acknowledging an acknowledged alert answers it unchanged. */
    @PostMapping("/{alertId}/acknowledge")
    AlertResponse acknowledge(@PathVariable String alertId) {
        return alerts.acknowledge(alertId).map(AlertResponse::of).orElseThrow(() -> notFound(alertId));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value,
                                               List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static int limit(String limit, List<FieldViolation> violations) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below like an out-of-range number.
        }
        violations.add(new FieldViolation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static ErrorResponseException notFound(String alertId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No alert with id '" + alertId + "'.");
        problem.setType(ProblemTypes.forStatus(HttpStatus.NOT_FOUND));
        problem.setTitle("Alert not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
