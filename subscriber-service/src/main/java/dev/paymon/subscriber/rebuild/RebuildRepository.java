package dev.paymon.subscriber.rebuild;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties the projections and rewinds their stored offsets, in one transaction, so that the consumers
 * project every topic again from its first record; and tells how far they have come since. Its SQL runs
 * unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 *
 * <p>Kept: {@code alert_acknowledgements} (operators' decisions, which no topic holds), {@code stream_events}
 * (what live-stream clients were already sent) and {@code flyway_schema_history}.
 */
@Repository
class RebuildRepository {

    /** Every table a projection fills from Kafka, children first. */
    static final List<String> PROJECTION_TABLES =
            List.of("account_summaries", "payments", "alerts", "account_activity", "dead_letters");

    // stream_from remembers how far the projections had come: records below it were streamed to clients
    // once already and are not announced again, and the rebuild is complete once it is reached.
    private static final String REWIND = """
            UPDATE consumer_offsets SET stream_from = GREATEST(stream_from, next_offset), next_offset = 0,
                                        updated_at = CURRENT_TIMESTAMP""";

    private static final String PROGRESS = """
            SELECT consumer_group, topic, "partition", next_offset, stream_from FROM consumer_offsets
            ORDER BY consumer_group, topic, "partition\"""";

    private final JdbcClient jdbc;

    RebuildRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every projected row and rewinds every stored offset to 0, all or nothing. */
    @Transactional
    void reset() {
        PROJECTION_TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        jdbc.sql(REWIND).update();
    }

    /** Where each projection stands in each partition against the offset it had reached before the rebuild. */
    List<PartitionProgress> progress() {
        return jdbc.sql(PROGRESS).query((rs, row) -> new PartitionProgress(rs.getString("consumer_group"),
                rs.getString("topic"), rs.getInt("partition"), rs.getLong("next_offset"),
                rs.getLong("stream_from"))).list();
    }
}
