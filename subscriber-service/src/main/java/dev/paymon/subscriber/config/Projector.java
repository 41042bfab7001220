package dev.paymon.subscriber.config;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * <p>A projection may also describe how a newly stored value is announced on the live stream: those
 * announcements are appended to the {@link StreamOutbox} in the same transaction, so the stream shows
 * exactly the committed values, each once.
 */
@Component
public class Projector {

    private final ConsumerOffsetRepository offsets;
    private final DeadLetters deadLetters;
    private final StreamOutbox outbox;
    private final TransactionTemplate transactions;

    Projector(ConsumerOffsetRepository offsets, DeadLetters deadLetters, StreamOutbox outbox,
              PlatformTransactionManager transactionManager) {
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Projects {@code records}, counting committed values in {@code counters}.
     *
     * @param what  the noun for one value, for dead-letter details ("payment")
     * @param apply stores one value inside the transaction; {@code true} when it was new, {@code false}
     *              when the projection held it already
     */
    public <T> void project(List<ConsumerRecord<String, T>> records, Consumer<?, ?> consumer, String what,
                            Predicate<T> apply, ProjectionCounters counters) {
        project(records, consumer, what, apply, value -> null, counters);
    }

    /**
     * Projects {@code records} like {@link #project(List, Consumer, String, Predicate, ProjectionCounters)} and
     * announces on the live stream each value that {@code apply} stored as new, unless its record lies below the
     * partition's {@code stream_from} (a replay of history by a rebuild).
     *
     * @param announce describes the announcement of a new value; {@code null} from it announces nothing
     */
    public <T> void project(List<ConsumerRecord<String, T>> records, Consumer<?, ?> consumer, String what,
                            Predicate<T> apply, Function<T, StreamAnnouncement> announce,
                            ProjectionCounters counters) {
        ProjectionBatch<T> batch = new ProjectionBatch<>(consumer.groupMetadata().groupId(), what, records, apply,
                announce, offsets, outbox, deadLetters);
        int end = records.size();
        RuntimeException failure = null;
        while (end > 0) {
            int upTo = end;
            try {
                ProjectionBatch.Applied applied = transactions.execute(status -> batch.apply(upTo));
                counters.stored().increment(applied.stored());
                counters.duplicates().increment(applied.duplicates());
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
}
