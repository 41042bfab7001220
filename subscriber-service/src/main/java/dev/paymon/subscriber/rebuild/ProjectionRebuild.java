package dev.paymon.subscriber.rebuild;

import dev.paymon.subscriber.projection.ProjectionLock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every projection from the Kafka log: stops the projection consumers, empties the projections
 * and rewinds their stored offsets in one database transaction, and starts the consumers again, which then
 * seek to offset 0 and apply the whole history through the same code as live records. Queries answer from
 * the partial projections meanwhile; {@link #status()} tells when every record held before is back, and how many
 * are left: also as the gauge {@value #REMAINING}, and in a log line every {@value #REPORT_EVERY_SECONDS} seconds
 * until it is complete.
 *
 * <p>Other instances on the same database go on projecting: their batches wait for the reset (see
 * {@code RebuildRepository}) and then find their stored offsets rewound, and seek. This instance's own batches are
 * kept apart by the {@link ProjectionLock}, also one that outlives its consumer's stop.
 *
 * <p>Refuses when retention has already removed records of a projected topic, unless forced: the rebuilt
 * projections would lack them and answer differently than before.
 */
@Service
class ProjectionRebuild {

    static final String REMAINING = "paymon.subscriber.rebuild.remaining";
    static final long REPORT_EVERY_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final RebuildRepository projections;
    private final KafkaHistory history;
    private final ProjectionLock lock;
    private volatile Instant startedAt;
    private volatile boolean reporting;

    ProjectionRebuild(KafkaListenerEndpointRegistry listeners, RebuildRepository projections, KafkaHistory history,
                      ProjectionLock lock, MeterRegistry meters) {
        this.listeners = listeners;
        this.projections = projections;
        this.history = history;
        this.lock = lock;
        Gauge.builder(REMAINING, this, rebuild -> rebuild.status().remaining())
                .description("Offsets of the projected topics a rebuild has yet to apply again (0 once complete)")
                .register(meters);
    }

    /**
     * Starts a rebuild and answers its status once the consumers run again.
     *
     * @param force rebuild even though records of a projected topic are gone
     * @throws HistoryIncompleteException when records are gone and {@code force} is not set
     */
    synchronized RebuildStatus start(boolean force) {
        Collection<MessageListenerContainer> consumers = listeners.getListenerContainers();
        List<String> topics = consumers.stream()
                .flatMap(container -> Arrays.stream(container.getContainerProperties().getTopics()))
                .distinct().toList();
        List<TruncatedPartition> truncated = history.truncated(topics);
        if (!truncated.isEmpty() && !force) {
            throw new HistoryIncompleteException(truncated);
        }
        log.info("Rebuilding the projections of {} from Kafka{}", topics,
                truncated.isEmpty() ? "" : ", forced although these partitions start late: " + truncated);
        // stop() returns once the consumer has finished its batch and left the group.
        consumers.forEach(MessageListenerContainer::stop);
        try {
            lock.exclusively(projections::reset);
            startedAt = Instant.now();
            reporting = true;
        } finally {
            consumers.forEach(MessageListenerContainer::start);
        }
        return status();
    }

    RebuildStatus status() {
        return RebuildStatus.of(startedAt, projections.progress());
    }

    /** While a rebuild this process started is not complete, how far it has come. */
    @Scheduled(fixedDelay = REPORT_EVERY_SECONDS, timeUnit = TimeUnit.SECONDS)
    void report() {
        if (!reporting) {
            return;
        }
        RebuildStatus status = status();
        if (status.complete()) {
            reporting = false;
            log.info("Rebuild started at {} is complete", status.startedAt());
        } else {
            log.info("Rebuild started at {}: {} offsets left to apply again in {} of {} partitions",
                    status.startedAt(), status.remaining(),
                    status.partitions().stream().filter(p -> !p.rebuilt()).count(), status.partitions().size());
        }
    }

    /** Records of these partitions are gone from Kafka. */
    static final class HistoryIncompleteException extends RuntimeException {

        private final transient List<TruncatedPartition> truncated;

        HistoryIncompleteException(List<TruncatedPartition> truncated) {
            super("Records are gone from " + truncated);
            this.truncated = List.copyOf(truncated);
        }

        List<TruncatedPartition> truncated() {
            return truncated;
        }
    }
}
