package dev.paymon.subscriber.stats;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The newest of the processor's dead letters, from the index that keeps them in that order (the counts come from
 * {@code projection_counts}). Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 */
@Repository
class StatsRepository {

    private static final String NEWEST_DEAD_LETTERS = """
            SELECT reason, stage, detail, source_topic, source_partition, source_offset, dead_lettered_at
            FROM dead_letters ORDER BY dead_lettered_at DESC, dlq_partition DESC, dlq_offset DESC LIMIT ?""";

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code limit} newest dead letters by the time they were written, newest first. */
    List<LastDeadLetter> newestDeadLetters(int limit) {
        return jdbc.sql(NEWEST_DEAD_LETTERS).param(limit).query((rs, row) -> new LastDeadLetter(
                rs.getString("reason"),
                rs.getString("stage"),
                rs.getString("detail"),
                rs.getString("source_topic"),
                rs.getInt("source_partition"),
                rs.getLong("source_offset"),
                rs.getObject("dead_lettered_at", OffsetDateTime.class).toInstant())).list();
    }
}
