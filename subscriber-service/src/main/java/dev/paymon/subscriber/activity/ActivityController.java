package dev.paymon.subscriber.activity;

import dev.paymon.subscriber.web.NextPage;
import dev.paymon.subscriber.web.QueryParameters;
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
class ActivityController {

    private final ActivityRepository activity;

    ActivityController(ActivityRepository activity) {
        this.activity = activity;
    }

    /** A day of 60 s windows. */
    static final int DEFAULT_LIMIT = 1440;
    static final int MAX_LIMIT = 10_000;

    @GetMapping("/api/v1/accounts/{accountId}/activity")
    ResponseEntity<List<ActivityResponse>> activity(@PathVariable String accountId,
                                                    @RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String limit) {
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
