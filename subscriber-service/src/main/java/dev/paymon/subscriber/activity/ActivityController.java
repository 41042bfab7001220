package dev.paymon.subscriber.activity;

import dev.paymon.events.FieldViolation;
import dev.paymon.subscriber.config.InvalidQueryException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's closed activity windows, by start. {@code from} (inclusive) and {@code to} (exclusive)
 * bound the window starts as ISO-8601 instants; bad ones answer a 400 problem naming each.
 */
@RestController
class ActivityController {

    private final ActivityRepository activity;

    ActivityController(ActivityRepository activity) {
        this.activity = activity;
    }

    @GetMapping("/api/v1/accounts/{accountId}/activity")
    List<ActivityResponse> activity(@PathVariable String accountId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = instant("from", from, violations);
        Instant end = instant("to", to, violations);
        if (start != null && end != null && start.isAfter(end)) {
            violations.add(new FieldViolation("from", "must not be after to"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
        return activity.list(accountId, start, end).stream().map(ActivityResponse::of).toList();
    }

    private static Instant instant(String field, String value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 instant, e.g. 2026-03-01T10:15:30Z"));
            return null;
        }
    }
}
