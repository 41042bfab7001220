package dev.paymon.subscriber.rebuild;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every projection from the Kafka log: stops the projection consumers, empties the projections
 * and rewinds their stored offsets in one database transaction, and starts the consumers again, which then
 * seek to offset 0 and apply the whole history through the same code as live records. Queries answer from
 * the partial projections meanwhile; {@link #status()} tells when every record held before is back.
 *
 * <p>Refuses when retention has already removed records of a projected topic, unless forced: the rebuilt
 * projections would lack them and answer differently than before.
 */
@Service
class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final RebuildRepository projections;
    private final KafkaHistory history;
    private volatile Instant startedAt;

    ProjectionRebuild(KafkaListenerEndpointRegistry listeners, RebuildRepository projections, KafkaHistory history) {
        this.listeners = listeners;
        this.projections = projections;
        this.history = history;
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
            projections.reset();
            startedAt = Instant.now();
        } finally {
            consumers.forEach(MessageListenerContainer::start);
        }
        return status();
    }

    RebuildStatus status() {
        List<PartitionProgress> progress = projections.progress();
        return new RebuildStatus(startedAt, progress.stream().allMatch(PartitionProgress::rebuilt), progress);
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
