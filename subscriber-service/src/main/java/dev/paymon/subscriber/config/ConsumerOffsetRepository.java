package dev.paymon.subscriber.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String SELECT_POSITIONS = """
            SELECT "partition", next_offset, stream_from FROM consumer_offsets
            WHERE consumer_group = ? AND topic = ?""";

    private static final String UPDATE = """
            UPDATE consumer_offsets SET next_offset = ?, updated_at = CURRENT_TIMESTAMP
            WHERE consumer_group = ? AND topic = ? AND "partition" = ?""";

    // Only one consumer of a group owns a partition at a time, so an UPDATE that finds no row can insert.
    private static final String INSERT = """
            INSERT INTO consumer_offsets (consumer_group, topic, "partition", next_offset) VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate template;
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

    public ConsumerOffsetRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
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

    /** The group's positions in every partition of {@code topic} it applied records of, by partition number. */
    public Map<Integer, Position> positions(String group, String topic) {
        Map<Integer, Position> positions = new HashMap<>();
        template.query(SELECT_POSITIONS, rs -> {
            positions.put(rs.getInt("partition"), new Position(rs.getLong("next_offset"), rs.getLong("stream_from")));
        }, group, topic);
        return positions;
    }

    /** {@link #save}s each partition's next offset, with one batch of statements for all of them. */
    public void saveAll(String group, Map<TopicPartition, Long> nextOffsets) {
        List<TopicPartition> partitions = List.copyOf(nextOffsets.keySet());
        int[] updated = template.batchUpdate(UPDATE, partitions.stream()
                .map(p -> new Object[] {nextOffsets.get(p), group, p.topic(), p.partition()})
                .toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                TopicPartition p = partitions.get(i);
                missing.add(new Object[] {group, p.topic(), p.partition(), nextOffsets.get(p)});
            }
        }
        if (!missing.isEmpty()) {
            template.batchUpdate(INSERT, missing);
        }
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
