package dev.paymon.subscriber.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes stream events older than {@code horizon} every {@code prune-interval}, a bounded number per statement so
 * that no transaction grows large. A client resuming from a pruned event gets {@code horizon-exceeded}. The table's
 * size is the gauge {@value #SIZE}: it stays near what the projections announce in one horizon.
 */
@Component
class StreamPruner implements SchedulingConfigurer {

    static final int ROWS_PER_DELETE = 10_000;
    static final String SIZE = "paymon.subscriber.stream.events";

    private static final Logger log = LoggerFactory.getLogger(StreamPruner.class);

    private final StreamEventRepository events;
    private final StreamProperties properties;

    StreamPruner(StreamEventRepository events, StreamProperties properties, MeterRegistry meters) {
        this.events = events;
        this.properties = properties;
        Gauge.builder(SIZE, events, StreamEventRepository::size)
                .description("Events kept in the live stream's outbox (stream_events), pruned beyond the horizon")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::prune, properties.pruneInterval());
    }

    /** Deletes the events older than the horizon; answers how many. */
    int prune() {
        return pruneBefore(Instant.now().minus(properties.horizon()));
    }

    /** Deletes the events created before {@code cutoff} (a prefix of the ids); answers how many. */
    int pruneBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = events.prune(cutoff, ROWS_PER_DELETE);
            total += deleted;
        } while (deleted == ROWS_PER_DELETE);
        if (total > 0) {
            log.info("Pruned {} stream events created before {}", total, cutoff);
        }
        return total;
    }
}
