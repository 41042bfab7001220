package dev.paymon.subscriber.activity;

import static dev.paymon.subscriber.projection.SqlValues.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_activity} table. Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode;
 * {@code "count"} is quoted as H2 treats the word specially.
 */
@Repository
class ActivityRepository {

    // Without a conflict target, as H2 only knows this form; (account_id, window_start) is the only unique key.
    private static final String INSERT = """
            INSERT INTO account_activity (account_id, window_start, window_end, "count", total_base, max_base)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private static final String SELECT = """
            SELECT account_id, window_start, window_end, "count", total_base, max_base
            FROM account_activity WHERE account_id = ?""";

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the window unless the account's window with its start is stored already; {@code true} when new. */
    boolean insert(StoredActivity activity) {
        return jdbc.sql(INSERT).params(activity.accountId(), utc(activity.windowStart()), utc(activity.windowEnd()),
                activity.count(), activity.totalBase(), activity.maxBase()).update() == 1;
    }

    /**
     * The account's windows starting at or after {@code from} and before {@code to} (either may be
     * {@code null} for no bound), by start, at most {@code limit}.
     */
    List<StoredActivity> list(String accountId, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>(List.of(accountId));
        if (from != null) {
            sql.append(" AND window_start >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            sql.append(" AND window_start < ?");
            params.add(utc(to));
        }
        sql.append(" ORDER BY window_start LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> map(rs)).list();
    }

    private static StoredActivity map(ResultSet rs) throws SQLException {
        return new StoredActivity(
                rs.getString("account_id"),
                rs.getObject("window_start", OffsetDateTime.class).toInstant(),
                rs.getObject("window_end", OffsetDateTime.class).toInstant(),
                rs.getLong("count"),
                rs.getBigDecimal("total_base"),
                rs.getBigDecimal("max_base"));
    }
}
