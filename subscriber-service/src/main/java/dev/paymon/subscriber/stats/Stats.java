package dev.paymon.subscriber.stats;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the stats together from the database, so they are exact and survive restarts and replays (the
 * projections store each record once). The queries share one read-only snapshot, so the counts and the
 * newest dead letters agree with each other even while the projections write.
 */
@Component
class Stats {

    private final StatsRepository repository;
    private final StatsProperties properties;

    Stats(StatsRepository repository, StatsProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    // Public, so that the transaction proxy applies whatever its method-visibility setting.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StatsResponse now() {
        return new StatsResponse(
                StatsResponse.Payments.of(repository.paymentsByStatus()),
                StatsResponse.Alerts.of(repository.alertsByRule()),
                StatsResponse.DeadLetters.of(repository.deadLettersByReason(),
                        repository.newestDeadLetters(properties.lastDeadLetters())));
    }
}
