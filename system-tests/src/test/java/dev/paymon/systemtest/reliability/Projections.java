package dev.paymon.systemtest.reliability;

import dev.paymon.events.AccountActivity;
import dev.paymon.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The subscriber's projections in PostgreSQL for the given accounts, read in one repeatable-read transaction; plus
 * the number of rows of every account per table, which the subscriber's counters are compared with.
 */
record Projections(List<Payment> payments, List<Summary> summaries, List<Alert> alerts, List<AccountActivity> activity,
                   List<DeadLetter> deadLetters, Totals totals) {

    record Payment(String paymentId, String accountId, BigDecimal amountBase, String status, List<String> alertIds,
                   boolean late) {
    }

    record Summary(String accountId, long paymentCount, BigDecimal totalBase) {
    }

    record Alert(String alertId, String accountId, String rule, List<String> paymentIds) {
    }

    record DeadLetter(int dlqPartition, long dlqOffset, String reason, String source, String key) {
    }

    record Totals(long payments, long alerts, long activity, long deadLetters) {
    }

    static Projections read(TestPostgres.Database database, Set<String> accounts) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Array ids = c.createArrayOf("varchar", accounts.toArray());
            Projections projections = new Projections(
                    query(c, "SELECT payment_id, account_id, amount_base, status, alert_ids, late FROM payments"
                            + " WHERE account_id = ANY(?)", ids, rs -> new Payment(rs.getString(1), rs.getString(2),
                            rs.getBigDecimal(3), rs.getString(4), strings(rs.getArray(5)), rs.getBoolean(6))),
                    query(c, "SELECT account_id, payment_count, total_base FROM account_summaries"
                            + " WHERE account_id = ANY(?)", ids, rs -> new Summary(rs.getString(1), rs.getLong(2),
                            rs.getBigDecimal(3))),
                    query(c, "SELECT alert_id, account_id, rule, payment_ids FROM alerts WHERE account_id = ANY(?)",
                            ids, rs -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3),
                                    strings(rs.getArray(4)))),
                    query(c, "SELECT account_id, window_start, window_end, \"count\", total_base, max_base"
                            + " FROM account_activity WHERE account_id = ANY(?)", ids, rs -> new AccountActivity(
                            rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                            rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6))),
                    query(c, "SELECT dlq_partition, dlq_offset, reason, source_topic, source_partition, source_offset,"
                            + " record_key FROM dead_letters WHERE record_key = ANY(?)", ids, rs -> new DeadLetter(
                            rs.getInt(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4) + "-" + rs.getInt(5) + "@" + rs.getLong(6), rs.getString(7))),
                    new Totals(count(c, "payments"), count(c, "alerts"), count(c, "account_activity"),
                            count(c, "dead_letters")));
            c.commit();
            return projections;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subscriber's database: " + e.getMessage(), e);
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, Array accounts, Row<T> row) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setArray(1, accounts);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
