package dev.paymon.subscriber.deadletter;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code dead_letters} table, and the stats' counts of dead letters by reason ({@value #COUNTERS}reason), kept in
 * the same transaction. Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 */
@Repository
class DeadLetterRepository {

    static final String COUNTERS = "dead_letters.";

    // Column widths of V5: header text longer than a column is clipped rather than failing the batch.
    static final int STAGE_WIDTH = 64;
    static final int SOURCE_TOPIC_WIDTH = 249;
    static final int KEY_WIDTH = 255;

    // Without a conflict target, as H2 only knows this form; the primary key is the only unique key,
    // so a dead-letter record delivered again is skipped.
    private static final String INSERT = """
            INSERT INTO dead_letters (dlq_partition, dlq_offset, reason, stage, detail, source_topic,
                                      source_partition, source_offset, record_key, dead_lettered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private static final String SELECT = """
            SELECT dlq_partition, dlq_offset, reason, stage, detail, source_topic, source_partition, source_offset,
                   record_key, dead_lettered_at
            FROM dead_letters WHERE dlq_partition = ? AND dlq_offset = ?""";

    private final JdbcClient jdbc;
    private final ProjectionCountRepository counts;

    DeadLetterRepository(JdbcClient jdbc, ProjectionCountRepository counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** Stores the dead letter unless the one at its place in the topic is stored already; {@code true} when new. */
    boolean insert(StoredDeadLetter stored) {
        DeadLetter deadLetter = stored.deadLetter();
        boolean inserted = jdbc.sql(INSERT).params(
                stored.dlqPartition(),
                stored.dlqOffset(),
                deadLetter.reason().name(),
                clip(deadLetter.stage(), STAGE_WIDTH),
                deadLetter.detail(),
                clip(deadLetter.sourceTopic(), SOURCE_TOPIC_WIDTH),
                deadLetter.sourcePartition(),
                deadLetter.sourceOffset(),
                clip(stored.key(), KEY_WIDTH),
                stored.deadLetteredAt().atOffset(ZoneOffset.UTC)).update() == 1;
        if (inserted) {
            counts.add(COUNTERS + deadLetter.reason().name(), 1);
        }
        return inserted;
    }

    Optional<StoredDeadLetter> find(int dlqPartition, long dlqOffset) {
        return jdbc.sql(SELECT).params(dlqPartition, dlqOffset).query((rs, row) -> map(rs)).optional();
    }

    private static StoredDeadLetter map(ResultSet rs) throws SQLException {
        return new StoredDeadLetter(
                rs.getInt("dlq_partition"),
                rs.getLong("dlq_offset"),
                rs.getString("record_key"),
                rs.getObject("dead_lettered_at", OffsetDateTime.class).toInstant(),
                new DeadLetter(DeadLetterReason.valueOf(rs.getString("reason")), rs.getString("stage"),
                        rs.getString("detail"), rs.getString("source_topic"), rs.getInt("source_partition"),
                        rs.getLong("source_offset")));
    }

    private static String clip(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }
}
