package dev.paymon.subscriber.stats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/stats}: counts of payments (late ones too), alerts by rule, and dead letters by reason. */
@RestController
class StatsController {

    private final Stats stats;

    StatsController(Stats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats")
    StatsResponse stats() {
        return stats.now();
    }
}
