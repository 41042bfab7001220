package dev.paymon.systemtest.reliability;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The subscriber's whole database against everything on the topics it projects, every account of every run: as
 * many payments as distinct payment ids on {@code payments.enriched.v1}, each account's summary their count and sum,
 * as many alerts as alert ids, windows as distinct windows, dead letters as records of {@code payments.dlq.v1}. What a
 * rebuild must leave once it says it is complete.
 *
 * <p>The database is read first, in one repeatable-read transaction, with the offsets each projection stored along
 * with its rows; the topics are then read up to those offsets. So windows closing meanwhile (the wall clock closes
 * the last ones of every run) are in neither, and the comparison is exact at any moment, not only once all is still.
 */
final class WholeHistory {

    /** Each projected topic with the consumer group that projects it. */
    private static final Map<String, String> PROJECTED = Map.of(
            Topics.PAYMENTS_ENRICHED.name(), "paymon-subscriber",
            Topics.FRAUD_ALERTS.name(), "paymon-subscriber.alerts",
            Topics.ACCOUNTS_ACTIVITY.name(), "paymon-subscriber.activity",
            Topics.PAYMENTS_DLQ.name(), "paymon-subscriber.dead-letters");

    private WholeHistory() {
    }

    /** What the database held, in one transaction. */
    private record Stored(long payments, long alerts, long windows, long deadLetters,
                          Map<String, long[]> summaries, Map<String, BigDecimal> totals,
                          Map<TopicPartition, Long> offsets) {
    }

    /** The differences found; empty when the database holds exactly what the topics held at its stored offsets. */
    static List<String> compare(String bootstrap, TestPostgres.Database database) {
        Stored stored = read(database);
        Map<String, List<ConsumerRecord<String, byte[]>>> topics = Outputs.readUntil(bootstrap,
                List.copyOf(PROJECTED.keySet()), stored.offsets());
        Map<String, BigDecimal> paymentBase = new HashMap<>();
        Map<String, String> paymentAccount = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : topics.get(Topics.PAYMENTS_ENRICHED.name())) {
            PaymentEnriched payment = EventJson.read(EventTypes.PAYMENT_ENRICHED, record.value());
            paymentBase.putIfAbsent(payment.payment().paymentId(), payment.amountBase());
            paymentAccount.putIfAbsent(payment.payment().paymentId(), payment.payment().accountId());
        }
        Set<String> alerts = new HashSet<>();
        topics.get(Topics.FRAUD_ALERTS.name()).forEach(r -> alerts.add(EventJson.read(EventTypes.ALERT_RAISED,
                r.value()).alertId()));
        Set<String> windows = new HashSet<>();
        topics.get(Topics.ACCOUNTS_ACTIVITY.name()).forEach(r -> {
            AccountActivity window = EventJson.read(EventTypes.ACCOUNT_ACTIVITY, r.value());
            windows.add(window.accountId() + "@" + window.windowStart());
        });
        Map<String, long[]> summaries = new HashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        paymentAccount.forEach((id, account) -> {
            summaries.computeIfAbsent(account, a -> new long[1])[0]++;
            totals.merge(account, paymentBase.get(id), BigDecimal::add);
        });

        List<String> problems = new ArrayList<>();
        expect(problems, "payments", stored.payments(), paymentBase.size());
        expect(problems, "alerts", stored.alerts(), alerts.size());
        expect(problems, "account_activity", stored.windows(), windows.size());
        expect(problems, "dead_letters", stored.deadLetters(), topics.get(Topics.PAYMENTS_DLQ.name()).size());
        stored.summaries().forEach((account, count) -> {
            long[] expected = summaries.get(account);
            BigDecimal total = totals.get(account);
            if (expected == null || expected[0] != count[0] || total.compareTo(stored.totals().get(account)) != 0) {
                problems.add("account_summaries: " + account + " " + count[0] + " payments, "
                        + stored.totals().get(account) + " instead of " + (expected == null ? 0 : expected[0]) + ", "
                        + total);
            }
        });
        expect(problems, "account_summaries", stored.summaries().size(), summaries.size());
        return problems;
    }

    private static Stored read(TestPostgres.Database database) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, long[]> summaries = new HashMap<>();
            Map<String, BigDecimal> totals = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT account_id, payment_count, total_base FROM account_summaries");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    summaries.put(rs.getString(1), new long[] {rs.getLong(2)});
                    totals.put(rs.getString(1), rs.getBigDecimal(3));
                }
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT consumer_group, topic, \"partition\", next_offset FROM consumer_offsets");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(PROJECTED.get(rs.getString(2)))) {
                        offsets.put(new TopicPartition(rs.getString(2), rs.getInt(3)), rs.getLong(4));
                    }
                }
            }
            Stored stored = new Stored(count(c, "SELECT COUNT(*) FROM payments"),
                    count(c, "SELECT COUNT(*) FROM alerts"), count(c, "SELECT COUNT(*) FROM account_activity"),
                    count(c, "SELECT COUNT(*) FROM dead_letters"), summaries, totals, offsets);
            c.commit();
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subscriber's database: " + e.getMessage(), e);
        }
    }

    private static void expect(List<String> problems, String table, long rows, long fromTopics) {
        if (rows != fromTopics) {
            problems.add(table + ": " + rows + " rows where the topics hold " + fromTopics);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
