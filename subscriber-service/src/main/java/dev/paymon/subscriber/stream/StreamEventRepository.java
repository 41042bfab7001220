package dev.paymon.subscriber.stream;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code stream_events} table and its id sequence, {@code stream_sequence}. Its SQL runs unchanged on
 * PostgreSQL and on H2 in PostgreSQL mode.
 *
 * <p>{@link #append} takes ids by updating the sequence's one row, which stays locked until the caller's
 * transaction ends: the next appender waits, so ids become visible in id order and a rolled-back
 * transaction gives its ids back. A reader that tails {@code id > n} therefore never skips an event.
 */
@Repository
class StreamEventRepository {

    /** An event not numbered yet. */
    record NewEvent(String name, String accountId, String data) {
    }

    private static final String RESERVE = "UPDATE stream_sequence SET last_id = last_id + ?";

    private static final String LAST_ID = "SELECT last_id FROM stream_sequence";

    private static final String INSERT = "INSERT INTO stream_events (id, event_name, account_id, data) VALUES ";

    private static final String ROW = "(?, ?, ?, ?)";

    // Rows per multi-row INSERT: 4 parameters a row stay far below PostgreSQL's limit of 32,767.
    private static final int MAX_ROWS = 1000;

    private static final String SELECT = "SELECT id, event_name, account_id, data FROM stream_events WHERE id > :after";

    // One statement, so that an empty table and the sequence are read at the same moment.
    private static final String OLDEST_AVAILABLE = """
            SELECT COALESCE((SELECT MIN(id) FROM stream_events), (SELECT last_id + 1 FROM stream_sequence))""";

    // Created_at is the transaction's start, which need not grow with the id: deleting up to the newest
    // old event keeps the table a suffix of the ids. At most :limit rows at once, from the oldest.
    private static final String PRUNE = """
            DELETE FROM stream_events
            WHERE id <= (SELECT MAX(id) FROM stream_events WHERE created_at < ?)
              AND id < (SELECT MIN(id) FROM stream_events) + ?""";

    // Ids are handed out without gaps and pruned from the oldest, so the table holds every id from its lowest to the
    // sequence's last: two index lookups, whatever its size.
    private static final String SIZE = """
            SELECT COALESCE((SELECT last_id FROM stream_sequence) - (SELECT MIN(id) FROM stream_events) + 1, 0)""";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    StreamEventRepository(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * Numbers {@code events} with the next ids, in order, and stores them. Must run in a transaction,
     * which holds the sequence until it ends.
     */
    List<StreamEvent> append(List<NewEvent> events) {
        jdbc.sql(RESERVE).param(events.size()).update();
        long first = lastId() - events.size() + 1;
        List<StreamEvent> numbered = IntStream.range(0, events.size())
                .mapToObj(i -> new StreamEvent(first + i, events.get(i).name(), events.get(i).accountId(),
                        events.get(i).data()))
                .toList();
        // Multi-row INSERTs: one statement for a whole batch instead of one execution per event.
        for (int from = 0; from < numbered.size(); from += MAX_ROWS) {
            List<StreamEvent> chunk = numbered.subList(from, Math.min(numbered.size(), from + MAX_ROWS));
            Object[] args = new Object[chunk.size() * 4];
            for (int i = 0; i < chunk.size(); i++) {
                StreamEvent event = chunk.get(i);
                args[i * 4] = event.id();
                args[i * 4 + 1] = event.name();
                args[i * 4 + 2] = event.accountId();
                args[i * 4 + 3] = event.data();
            }
            template.update(INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW)), args);
        }
        return numbered;
    }

    /** Up to {@code limit} events with an id above {@code after} that match {@code filter}, by id. */
    List<StreamEvent> after(long after, StreamFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<String> names = new ArrayList<>(filter.names());
        if (filter.accountId() != null) {
            sql.append(" AND account_id = :accountId");
        }
        if (!names.isEmpty()) {
            sql.append(" AND event_name IN (:names)");
        }
        sql.append(" ORDER BY id LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("after", after).param("limit", limit);
        if (filter.accountId() != null) {
            statement = statement.param("accountId", filter.accountId());
        }
        if (!names.isEmpty()) {
            statement = statement.param("names", names);
        }
        return statement.query((rs, row) -> new StreamEvent(rs.getLong("id"), rs.getString("event_name"),
                rs.getString("account_id"), rs.getString("data"))).list();
    }

    /** The last id handed out by a committed transaction; 0 before the first. */
    long lastId() {
        return jdbc.sql(LAST_ID).query(Long.class).single();
    }

    /** The id of the oldest event kept; when none is kept, the id the next event will get. */
    long oldestAvailableId() {
        return jdbc.sql(OLDEST_AVAILABLE).query(Long.class).single();
    }

    /**
     * Deletes up to {@code limit} of the oldest events, up to the newest one created before {@code cutoff};
     * what remains is always every event from some id on. Answers how many were deleted.
     */
    int prune(Instant cutoff, int limit) {
        return template.update(PRUNE, cutoff.atOffset(ZoneOffset.UTC), limit);
    }

    /** How many events the table holds. */
    long size() {
        Long size = jdbc.sql(SIZE).query(Long.class).single();
        return size == null ? 0 : size;
    }
}
