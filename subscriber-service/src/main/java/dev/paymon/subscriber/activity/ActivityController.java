package dev.paymon.subscriber.activity;

import dev.paymon.subscriber.config.QueryParameters;
import java.time.Instant;
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
        QueryParameters parameters = new QueryParameters();
        Instant start = parameters.instant("from", from);
        Instant end = parameters.instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            parameters.reject("from", "must not be after to");
        }
        parameters.validate();
        return activity.list(accountId, start, end).stream().map(ActivityResponse::of).toList();
    }
}
