package dev.paymon.subscriber.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>A batch reads its partitions' rows with {@link #lockPositions} first, which locks them until it commits: a
 * rebuild, which rewinds every row, then waits for the batch, and a batch that comes after the rewind sees it.
 *
 * <p>Each row also holds {@code stream_from}: records below it are projected but not announced on the live
 * stream, so that a rebuild of a projection (which sets it to the old next offset) does not stream history again.
 */
@Repository
public class ConsumerOffsetRepository {

    private static final String SELECT_POSITION = """
            SELECT next_offset, stream_from FROM consumer_offsets
            WHERE consumer_group = ? AND topic = ? AND "partition" = ?""";

    // In partition order, so that two batches of one group that share partitions lock them in the same order.
    private static final String LOCK_POSITIONS = """
            SELECT "partition", next_offset, stream_from FROM consumer_offsets
            WHERE consumer_group = ? AND topic = ? AND "partition" IN (%s)
            ORDER BY "partition" FOR UPDATE""";

    private static final String UPDATE = """
            UPDATE consumer_offsets SET next_offset = ?, updated_at = CURRENT_TIMESTAMP
            WHERE consumer_group = ? AND topic = ? AND "partition" = ?""";

    // A batch inserts a partition's row when it locked none: it applied the partition's first records.
    private static final String INSERT = """
            INSERT INTO consumer_offsets (consumer_group, topic, "partition", next_offset) VALUES (?, ?, ?, ?)""";

    // Conflicts with the row locks of SELECT ... FOR UPDATE and with every write, not with plain reads (PostgreSQL).
    private static final String LOCK_TABLE = "LOCK TABLE consumer_offsets IN SHARE ROW EXCLUSIVE MODE";

    // stream_from remembers how far the projections had come: records below it were streamed to clients
    // once already and are not announced again, and a rebuild is complete once it is reached.
    private static final String REWIND_ALL = """
            UPDATE consumer_offsets SET stream_from = GREATEST(stream_from, next_offset), next_offset = 0,
                                        updated_at = CURRENT_TIMESTAMP""";

    private static final String SELECT_ALL = """
            SELECT consumer_group, topic, "partition", next_offset, stream_from FROM consumer_offsets
            ORDER BY consumer_group, topic, "partition\"""";

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

    /** A group's position in one partition, as {@link #all} lists them. */
    public record StoredPosition(String group, TopicPartition partition, Position position) {
    }

    public ConsumerOffsetRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** The group's next offset and stream start in the partition, without locking; empty when it applied none yet. */
    public Optional<Position> position(String group, TopicPartition partition) {
        return jdbc.sql(SELECT_POSITION).params(group, partition.topic(), partition.partition())
                .query((rs, row) -> new Position(rs.getLong("next_offset"), rs.getLong("stream_from")))
                .optional();
    }

    /**
     * The group's positions in these partitions of {@code topic}, locked until the caller's transaction ends; a
     * partition the group applied nothing of is absent.
     */
    public Map<Integer, Position> lockPositions(String group, String topic, Collection<Integer> partitions) {
        Map<Integer, Position> positions = new HashMap<>();
        if (partitions.isEmpty()) {
            return positions;
        }
        List<Object> params = new ArrayList<>(List.of(group, topic));
        params.addAll(partitions.stream().sorted().toList());
        template.query(LOCK_POSITIONS.formatted(String.join(", ", Collections.nCopies(partitions.size(), "?"))), rs -> {
            positions.put(rs.getInt("partition"), new Position(rs.getLong("next_offset"), rs.getLong("stream_from")));
        }, params.toArray());
        return positions;
    }

    /**
     * Saves each partition's next offset, with one batch of statements for all of them: an update of a row the
     * caller locked ({@link #lockPositions}), or the insert of a partition it found none for.
     */
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
        saveAll(group, Map.of(partition, nextOffset));
    }

    /**
     * Locks the whole table until the caller's transaction ends, on PostgreSQL (H2 knows no {@code LOCK TABLE}): it
     * waits for every running batch of every instance on the database, and none starts until the caller commits.
     */
    public void lockAgainstBatches(DatabaseProductRepository database) {
        if (database.isPostgres()) {
            template.update(LOCK_TABLE);
        }
    }

    /**
     * Rewinds every group in every partition to offset 0, keeping in {@code stream_from} how far it had come, so that
     * the consumers, who find their positions moved on their next batch, project everything again and announce only
     * what they had not reached.
     */
    public void rewindAll() {
        template.update(REWIND_ALL);
    }

    /** Every group's position in every partition, by group, topic and partition. */
    public List<StoredPosition> all() {
        return jdbc.sql(SELECT_ALL).query((rs, row) -> new StoredPosition(rs.getString("consumer_group"),
                new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                new Position(rs.getLong("next_offset"), rs.getLong("stream_from")))).list();
    }
}
