package dev.paymon.subscriber.projection.deadletter;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code subscriber_dead_letters} table: every record sent (or being sent) to {@code subscriber.dlq.v1}, by its
 * place in its topic, so that {@link DeadLetterPublisher} sends each once. Its SQL runs unchanged on PostgreSQL and on H2 in
 * PostgreSQL mode.
 */
@Repository
class SubscriberDeadLetterRepository {

    /** A record's place in its topic. */
    record Source(String topic, int partition, long offset) {
    }

    /**
     * A dead letter as recorded.
     *
     * @param dlqPartition the partition of {@code subscriber.dlq.v1} it goes to
     * @param scanFrom     that partition's end offset before it was sent: where to look for it if it is unsent
     * @param sent         whether the broker has acknowledged it
     */
    record Entry(int dlqPartition, long scanFrom, boolean sent) {
    }

    private static final String FIND = """
            SELECT dlq_partition, scan_from, sent FROM subscriber_dead_letters
            WHERE source_topic = ? AND source_partition = ? AND source_offset = ? FOR UPDATE""";

    private static final String INSERT = """
            INSERT INTO subscriber_dead_letters (source_topic, source_partition, source_offset, reason, dlq_partition,
                                                 scan_from, sent)
            VALUES (?, ?, ?, ?, ?, ?, FALSE)""";

    private static final String MARK_SENT = """
            UPDATE subscriber_dead_letters SET sent = TRUE
            WHERE source_topic = ? AND source_partition = ? AND source_offset = ? AND sent = FALSE""";

    private final JdbcClient jdbc;

    SubscriberDeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry of the record, locked until the caller's transaction ends; empty when it was never dead-lettered. */
    Optional<Entry> lock(Source source) {
        return jdbc.sql(FIND).params(source.topic(), source.partition(), source.offset())
                .query((rs, row) -> new Entry(rs.getInt("dlq_partition"), rs.getLong("scan_from"), rs.getBoolean("sent")))
                .optional();
    }

    void record(Source source, String reason, Entry entry) {
        jdbc.sql(INSERT).params(source.topic(), source.partition(), source.offset(), reason, entry.dlqPartition(),
                entry.scanFrom()).update();
    }

    /** Marks the record sent; {@code true} unless it was marked already. */
    boolean markSent(Source source) {
        return jdbc.sql(MARK_SENT).params(source.topic(), source.partition(), source.offset()).update() == 1;
    }
}
