package dev.paymon.subscriber.stats;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts over the projection tables ({@code payments}, {@code alerts}, {@code dead_letters}), read
 * directly so that the stats need nothing from the features that write them: one grouped query per
 * table, plus the newest dead letters from the index that keeps them in that order. Its SQL runs
 * unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 */
@Repository
class StatsRepository {

    /** The alerts of one rule, and how many of them are still open. */
    record RuleCount(String rule, long alerts, long open) {
    }

    private static final String PAYMENTS_BY_STATUS = "SELECT status, COUNT(*) AS n FROM payments GROUP BY status";

    // 'OPEN' is the alerts feature's status of an alert not yet acknowledged (part of the public contract).
    private static final String ALERTS_BY_RULE = """
            SELECT rule, COUNT(*) AS n, COUNT(CASE WHEN status = 'OPEN' THEN 1 END) AS open_alerts
            FROM alerts GROUP BY rule""";

    private static final String DEAD_LETTERS_BY_REASON =
            "SELECT reason, COUNT(*) AS n FROM dead_letters GROUP BY reason";

    private static final String NEWEST_DEAD_LETTERS = """
            SELECT reason, stage, detail, source_topic, source_partition, source_offset, dead_lettered_at
            FROM dead_letters ORDER BY dead_lettered_at DESC, dlq_partition DESC, dlq_offset DESC LIMIT ?""";

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Payments by status ({@code ACCEPTED}, {@code FLAGGED}); a status without payments is absent. */
    Map<String, Long> paymentsByStatus() {
        return counts(PAYMENTS_BY_STATUS, "status");
    }

    /** Alerts by rule; a rule without alerts is absent. */
    List<RuleCount> alertsByRule() {
        return jdbc.sql(ALERTS_BY_RULE).query((rs, row) ->
                new RuleCount(rs.getString("rule"), rs.getLong("n"), rs.getLong("open_alerts"))).list();
    }

    /** Dead letters by reason; a reason without dead letters is absent. */
    Map<String, Long> deadLettersByReason() {
        return counts(DEAD_LETTERS_BY_REASON, "reason");
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

    private Map<String, Long> counts(String sql, String column) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).query((RowCallbackHandler) rs -> counts.put(rs.getString(column), rs.getLong("n")));
        return counts;
    }
}
