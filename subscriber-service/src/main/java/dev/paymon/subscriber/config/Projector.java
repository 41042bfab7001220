package dev.paymon.subscriber.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private final DeadLetters deadLetters;
    private final StreamOutbox outbox;
    private final TransactionTemplate transactions;
    private final ObservationRegistry observations;
    private final Timer endToEnd;
    private final HaltAfterCommits faults;

    Projector(ConsumerOffsetRepository offsets, DeadLetters deadLetters, StreamOutbox outbox,
              PlatformTransactionManager transactionManager, ObservationRegistry observations, MeterRegistry meters,
              HaltAfterCommits faults) {
        this.offsets = offsets;
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
        ProjectionBatch<T> batch = new ProjectionBatch<>(consumer.groupMetadata().groupId(), what, records, apply,
                announce, offsets, outbox, deadLetters, observations);
        try {
            ProjectionBatch.Applied<T> applied = transactions.execute(status -> {
                faults.watchCommit();
                return batch.applyAll();
            });
            committed(applied, counters, eventTime);
            return;
        } catch (RuntimeException e) {
            // Rolled back; the record-by-record path below finds the record that failed (or fails the same way).
            log.debug("Batched projection of {} {} records failed, applying them one by one: {}", records.size(),
                    what, Failures.rootCause(e).toString());
        }
        int end = records.size();
        RuntimeException failure = null;
        while (end > 0) {
            int upTo = end;
            try {
                ProjectionBatch.Applied<T> applied = transactions.execute(status -> {
                    faults.watchCommit();
                    return batch.apply(upTo);
                });
                committed(applied, counters, eventTime);
                break;
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

    /** Counts what a transaction stored and records latencies; execute() returns only after the commit. */
    private <T> void committed(ProjectionBatch.Applied<T> applied, ProjectionCounters counters,
                               Function<T, Instant> eventTime) {
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
