package dev.paymon.subscriber.stats;

import dev.paymon.subscriber.projection.ProjectionCountRepository;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the stats together from the database, so they are exact and survive restarts and replays (the
 * projections store each record once and count it in the same transaction). It reads the running counts
 * ({@code projection_counts}, a few dozen rows) and the newest dead letters (the first entries of an index), so it
 * answers in the same time whatever the number of payments. The two reads share one read-only snapshot, so they
 * agree with each other even while the projections write.
 */
@Component
class Stats {

    private final StatsRepository repository;
    private final ProjectionCountRepository counts;
    private final StatsProperties properties;

    Stats(StatsRepository repository, ProjectionCountRepository counts, StatsProperties properties) {
        this.repository = repository;
        this.counts = counts;
        this.properties = properties;
    }

    // Public, so that the transaction proxy applies whatever its method-visibility setting.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StatsResponse now() {
        Map<String, Long> all = counts.all();
        return new StatsResponse(StatsResponse.Payments.of(all), StatsResponse.Alerts.of(all),
                StatsResponse.DeadLetters.of(all, repository.newestDeadLetters(properties.lastDeadLetters())),
                StatsResponse.SubscriberDeadLetters.of(all));
    }
}
