package dev.paymon.subscriber.rebuild;

import dev.paymon.subscriber.projection.ConsumerOffsetRepository;
import dev.paymon.subscriber.projection.DatabaseProductRepository;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties the projections and rewinds their stored offsets, in one transaction, so that the consumers
 * project every topic again from its first record; and tells how far they have come since. Its SQL runs
 * unchanged on PostgreSQL and on H2 in PostgreSQL mode, but for the lock below.
 *
 * <p>The stored offsets are {@link ConsumerOffsetRepository}'s. On PostgreSQL the reset first locks them against
 * every batch (each locks its partitions' rows before it writes): it waits for the batches running in every instance on the database, and none starts until
 * it has committed; each then finds its stored offsets rewound and seeks. (On H2 only one instance can open the
 * database, and its own batches are kept apart by the {@code ProjectionLock}.)
 *
 * <p>Kept: {@code alert_acknowledgements} (operators' decisions, which no topic holds), {@code stream_events}
 * (what live-stream clients were already sent), {@code subscriber_dead_letters} and its counts (what went to
 * {@code subscriber.dlq.v1} once is not sent again) and {@code flyway_schema_history}.
 */
@Repository
class RebuildRepository {

    /** Every table a projection fills from Kafka, children first. */
    static final List<String> PROJECTION_TABLES =
            List.of("account_summaries", "payments", "alerts", "account_activity", "dead_letters");

    /** The counters of those tables' rows. */
    static final List<String> PROJECTION_COUNTERS = List.of("payments.", "alerts.", "dead_letters.");

    private final JdbcClient jdbc;
    private final ProjectionCountRepository counts;
    private final ConsumerOffsetRepository offsets;
    private final DatabaseProductRepository database;

    RebuildRepository(JdbcClient jdbc, ProjectionCountRepository counts, ConsumerOffsetRepository offsets,
                      DatabaseProductRepository database) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.offsets = offsets;
        this.database = database;
    }

    /** Deletes every projected row and its counts and rewinds every stored offset to 0, all or nothing. */
    @Transactional
    public void reset() {
        offsets.lockAgainstBatches(database);
        PROJECTION_TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        PROJECTION_COUNTERS.forEach(counts::reset);
        offsets.rewindAll();
    }

    /** Where each projection stands in each partition against the offset it had reached before the rebuild. */
    List<PartitionProgress> progress() {
        return offsets.all().stream().map(stored -> new PartitionProgress(stored.group(), stored.partition().topic(),
                stored.partition().partition(), stored.position().nextOffset(), stored.position().streamFrom()))
                .toList();
    }
}
