package dev.paymon.subscriber.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies polled batches to a projection with an exactly-once effect; every projection's listener
 * hands its batch here with the function that stores one value.
 *
 * <p>Each batch is applied in one database transaction that also saves, per partition, the offset of
 * the next record to apply ({@link ConsumerOffsetRepository}): on assignment the consumer seeks to the
 * stored offsets and records below them are skipped, so a crash between the database commit and Kafka's
 * offset commit changes nothing. Records that did not decode are dead-lettered inside the batch and their
 * offsets saved with it. When a record fails otherwise, the records before it are committed and a
 * {@link BatchListenerFailedException} with its index hands it to the error handler, which retries it or
 * dead-letters it.
 *
 * <p>A batch applies only if its partitions' stored offsets are where this consumer left them
 * ({@link ConsumerPositions}), checked under the rows' locks: after a rebuild rewound them, or another consumer moved
 * them during a rebalance, the consumer applies nothing and seeks its fenced partitions to the stored offsets (and
 * the others of the batch back to where the batch began). Every batch runs under the {@link ProjectionLock} too, so a
 * rebuild in this process waits for it.
 *
 * <p>A batch is first applied in one go: the projection's {@link ValueStore#storeAll} for all its values and one
 * batch of offset statements, a few round trips for the whole batch. When that fails, its transaction is rolled
 * back and the batch is applied record by record as described above, which finds the failing record.
 *
 * <p>A projection may also describe how a newly stored value is announced on the live stream: those
 * announcements are appended to the {@link StreamOutbox} in the same transaction, so the stream shows
 * exactly the committed values, each once.
 *
 * <p>Latencies are recorded once a transaction has committed, never for work that was rolled back, and only for
 * values stored as new (not for duplicates nor for a rebuild's replay of history): per projection from the
 * record's Kafka timestamp ({@link ProjectionCounters#latency()}), and, for projections that name their values'
 * event time, end to end from that time ({@value #END_TO_END}).
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    public static final String END_TO_END = "paymon.subscriber.end.to.end.latency";

    private final ConsumerOffsetRepository offsets;
    private final ConsumerPositions positions;
    private final ProjectionLock lock;
    private final ProjectionsHealthIndicator health;
    private final DeadLetterSink deadLetters;
    private final StreamOutbox outbox;
    private final TransactionTemplate transactions;
    private final ObservationRegistry observations;
    private final Timer endToEnd;
    private final HaltAfterCommits faults;

    Projector(ConsumerOffsetRepository offsets, ConsumerPositions positions, ProjectionLock lock,
              ProjectionsHealthIndicator health, DeadLetterSink deadLetters, StreamOutbox outbox,
              PlatformTransactionManager transactionManager, ObservationRegistry observations, MeterRegistry meters,
              HaltAfterCommits faults) {
        this.offsets = offsets;
        this.positions = positions;
        this.lock = lock;
        this.health = health;
        this.faults = faults;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.observations = observations;
        this.endToEnd = Timer.builder(END_TO_END)
                .description("Time from a payment's occurredAt to the commit of its row in the subscriber's database")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters);
    }

    /**
     * Projects {@code records}, counting committed values in {@code counters}.
     *
     * @param what  the noun for one value, for dead-letter details ("payment")
     * @param apply stores values inside the transaction, a batch at once or one by one; {@code true} for a value
     *              that was new, {@code false} when the projection held it already
     */
    public <T> void project(List<ConsumerRecord<String, T>> records, Consumer<?, ?> consumer, String what,
                            ValueStore<T> apply, ProjectionCounters counters) {
        project(records, consumer, what, apply, value -> null, counters);
    }

    /**
     * Projects {@code records} like {@link #project(List, Consumer, String, ValueStore, ProjectionCounters)} and
     * announces on the live stream each value that {@code apply} stored as new, unless its record lies below the
     * partition's {@code stream_from} (a replay of history by a rebuild).
     *
     * @param announce describes the announcement of a new value; {@code null} from it announces nothing
     */
    public <T> void project(List<ConsumerRecord<String, T>> records, Consumer<?, ?> consumer, String what,
                            ValueStore<T> apply, Function<T, StreamAnnouncement> announce,
                            ProjectionCounters counters) {
        project(records, consumer, what, apply, announce, counters, null);
    }

    /**
     * Projects {@code records} like {@link #project(List, Consumer, String, ValueStore, Function, ProjectionCounters)}
     * and records, after commit, the end-to-end latency of each new value from its event time.
     *
     * @param eventTime when the value's event happened (e.g. a payment's {@code occurredAt}); {@code null}: not timed
     */
    public <T> void project(List<ConsumerRecord<String, T>> records, Consumer<?, ?> consumer, String what,
                            ValueStore<T> apply, Function<T, StreamAnnouncement> announce,
                            ProjectionCounters counters, Function<T, Instant> eventTime) {
        String group = consumer.groupMetadata().groupId();
        ProjectionBatch<T> batch = new ProjectionBatch<>(group, what, records, apply, announce, offsets, positions,
                outbox, deadLetters, observations);
        try {
            ProjectionBatch.Applied<T> applied = inTransaction(batch::applyAll);
            committed(group, records, applied, counters, eventTime);
            return;
        } catch (StoredPositions.Fenced fenced) {
            seekAfter(fenced, group, records, consumer);
            return;
        } catch (RuntimeException e) {
            // Rolled back; the record-by-record path below finds the record that failed (or fails the same way).
            log.debug("Batched projection of {} {} records failed, applying them one by one: {}", records.size(),
                    what, FailureTriage.rootCause(e).toString());
        }
        int end = records.size();
        RuntimeException failure = null;
        while (end > 0) {
            int upTo = end;
            try {
                ProjectionBatch.Applied<T> applied = inTransaction(() -> batch.apply(upTo));
                committed(group, records, applied, counters, eventTime);
                break;
            } catch (StoredPositions.Fenced fenced) {
                // Nothing of this delivery was committed (a commit ends the loop).
                seekAfter(fenced, group, records, consumer);
                return;
            } catch (ProjectionBatch.RecordFailed e) {
                // Commit the records before the failed one, then report it by its index.
                failure = e.failure();
                end = e.index();
            } catch (RuntimeException e) {
                // The transaction failed as a whole (e.g. at commit): the batch is delivered again.
                failure = e;
                end = 0;
            }
        }
        if (failure != null) {
            throw new BatchListenerFailedException("Failed to project " + records.get(end), failure, end);
        }
    }

    /** One application of the batch, in its own transaction, while no rebuild of this process resets. */
    private <T> ProjectionBatch.Applied<T> inTransaction(Supplier<ProjectionBatch.Applied<T>> work) {
        return lock.batch(() -> transactions.execute(status -> {
            faults.watchCommit();
            return work.get();
        }));
    }

    /**
     * After {@code fenced}: its partitions to their stored offsets (the consumer now leaves them there), the batch's
     * other partitions back to their first record in it, so that they are delivered again.
     */
    private <T> void seekAfter(StoredPositions.Fenced fenced, String group, List<ConsumerRecord<String, T>> records,
                               Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        records.forEach(record -> first.putIfAbsent(new TopicPartition(record.topic(), record.partition()),
                record.offset()));
        first.forEach((partition, offset) -> {
            Long stored = fenced.stored().get(partition);
            if (stored == null) {
                consumer.seek(partition, offset);
            } else if (stored == ConsumerPositions.UNKNOWN) {
                positions.forget(group, partition);
                consumer.seek(partition, offset);
            } else {
                positions.left(group, partition, stored);
                consumer.seek(partition, stored);
            }
        });
        log.info("Stored offsets of group {} moved away from this consumer ({}); seeking there", group,
                fenced.stored());
    }

    /**
     * Counts what a transaction stored, records latencies and where the consumer left its partitions; execute()
     * returns only after the commit.
     */
    private <T> void committed(String group, List<ConsumerRecord<String, T>> records, ProjectionBatch.Applied<T> applied,
                               ProjectionCounters counters, Function<T, Instant> eventTime) {
        applied.saved().forEach((partition, next) -> positions.left(group, partition, next));
        if (!records.isEmpty()) {
            health.projected(records.get(0).topic());
        }
        counters.stored().increment(applied.stored());
        counters.duplicates().increment(applied.duplicates());
        recordLatencies(applied.live(), counters, eventTime);
    }

    private <T> void recordLatencies(List<ConsumerRecord<String, T>> committed, ProjectionCounters counters,
                                     Function<T, Instant> eventTime) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, T> record : committed) {
            counters.latency().record(Duration.ofMillis(Math.max(0, now - record.timestamp())));
            if (eventTime != null) {
                endToEnd.record(Duration.ofMillis(Math.max(0, now - eventTime.apply(record.value()).toEpochMilli())));
            }
        }
    }
}
