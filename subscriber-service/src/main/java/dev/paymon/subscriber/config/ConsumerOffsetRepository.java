package dev.paymon.subscriber.config;

import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code consumer_offsets} table: per consumer group and partition, the offset of the next record
 * to apply. A projection saves it in the same database transaction as the rows the records changed,
 * so after any crash the database says exactly which records it holds; consumers seek there on
 * assignment and skip anything below it. Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 *
 * <p>Each row also holds {@code stream_from}: records below it are projected but not announced on the live
 * stream, so that a rebuild of a projection (which sets it to the old next offset) does not stream history again.
 */
@Repository
public class ConsumerOffsetRepository {

    private static final String SELECT = """
            SELECT next_offset FROM consumer_offsets
            WHERE consumer_group = ? AND topic = ? AND "partition" = ?""";

    private static final String SELECT_POSITION = """
            SELECT next_offset, stream_from FROM consumer_offsets
            WHERE consumer_group = ? AND topic = ? AND "partition" = ?""";

    private static final String UPDATE = """
            UPDATE consumer_offsets SET next_offset = ?, updated_at = CURRENT_TIMESTAMP
            WHERE consumer_group = ? AND topic = ? AND "partition" = ?""";

    // Only one consumer of a group owns a partition at a time, so an UPDATE that finds no row can insert.
    private static final String INSERT = """
            INSERT INTO consumer_offsets (consumer_group, topic, "partition", next_offset) VALUES (?, ?, ?, ?)""";

    private final JdbcClient jdbc;

    /**
     * Where a group stands in a partition.
     *
     * @param nextOffset the offset of the next record to apply
     * @param streamFrom the first offset not handled before a rebuild: below it, records are projected
     *                   again but neither announced on the live stream nor dead-lettered again
     */
    public record Position(long nextOffset, long streamFrom) {

        /** A partition the group never applied: everything from offset 0 is applied and announced. */
        public static final Position START = new Position(0, 0);
    }

    public ConsumerOffsetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The offset of the next record the group applies in the partition; empty when it applied none yet. */
    public OptionalLong nextOffset(String group, TopicPartition partition) {
        return jdbc.sql(SELECT).params(group, partition.topic(), partition.partition())
                .query(Long.class).optional()
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** The group's next offset and stream start in the partition; empty when it applied none yet. */
    public Optional<Position> position(String group, TopicPartition partition) {
        return jdbc.sql(SELECT_POSITION).params(group, partition.topic(), partition.partition())
                .query((rs, row) -> new Position(rs.getLong("next_offset"), rs.getLong("stream_from")))
                .optional();
    }

    /** Records that the group applied every record of the partition below {@code nextOffset}. */
    public void save(String group, TopicPartition partition, long nextOffset) {
        int updated = jdbc.sql(UPDATE).params(nextOffset, group, partition.topic(), partition.partition()).update();
        if (updated == 0) {
            jdbc.sql(INSERT).params(group, partition.topic(), partition.partition(), nextOffset).update();
        }
    }

    /** Saves {@code nextOffset} unless the stored offset is there or beyond already. */
    public void advance(String group, TopicPartition partition, long nextOffset) {
        if (nextOffset(group, partition).orElse(-1) < nextOffset) {
            save(group, partition, nextOffset);
        }
    }
}
