package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentStatus;
import dev.paymon.subscriber.config.PagePosition;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payments} table. Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
class PaymentRepository {

    // Without a conflict target, as H2 only knows this form; payment_id is the table's only unique key.
    private static final String INSERT = """
            INSERT INTO payments (payment_id, account_id, amount, currency, amount_base, base_currency, status,
                                  alert_ids, occurred_at, processed_at)
            VALUES (:paymentId, :accountId, :amount, :currency, :amountBase, :baseCurrency, :status,
                    :alertIds, :occurredAt, :processedAt)
            ON CONFLICT DO NOTHING""";

    private static final String COLUMNS = """
            SELECT payment_id, account_id, amount, currency, amount_base, base_currency, status,
                   alert_ids, occurred_at, processed_at
            FROM payments""";

    // Newest first by event time; ties broken by id so that pages never overlap or skip.
    private static final String ORDER = " ORDER BY occurred_at DESC, payment_id DESC LIMIT ?";

    // An account's payments are projected by one consumer at a time (they share a partition),
    // so an UPDATE that finds no row can insert.
    private static final String ADD_TO_SUMMARY = """
            UPDATE account_summaries
            SET payment_count = payment_count + 1, total_base = total_base + ?,
                last_payment_at = GREATEST(last_payment_at, ?)
            WHERE account_id = ?""";

    private static final String INSERT_SUMMARY = """
            INSERT INTO account_summaries (account_id, payment_count, total_base, base_currency, last_payment_at)
            VALUES (?, 1, ?, ?, ?)""";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the payment unless one with its id is stored already; {@code true} when it was new. */
    boolean insert(StoredPayment payment) {
        String[] alertIds = payment.alertIds().toArray(String[]::new);
        return jdbc.sql(INSERT)
                .param("paymentId", payment.paymentId())
                .param("accountId", payment.accountId())
                .param("amount", payment.amount())
                .param("currency", payment.currency())
                .param("amountBase", payment.amountBase())
                .param("baseCurrency", payment.baseCurrency())
                .param("status", payment.status().name())
                .param("alertIds", (SqlTypeValue) (statement, index, sqlType, typeName) ->
                        statement.setArray(index, statement.getConnection().createArrayOf("varchar", alertIds)))
                .param("occurredAt", utc(payment.occurredAt()))
                .param("processedAt", utc(payment.processedAt()))
                .update() == 1;
    }

    /**
     * Adds a newly stored payment to its account's running totals; called in the transaction that stored it,
     * only when {@link #insert} answered {@code true}.
     */
    void addToAccountSummary(StoredPayment payment) {
        OffsetDateTime occurredAt = utc(payment.occurredAt());
        if (jdbc.sql(ADD_TO_SUMMARY).params(payment.amountBase(), occurredAt, payment.accountId()).update() == 0) {
            jdbc.sql(INSERT_SUMMARY).params(payment.accountId(), payment.amountBase(), payment.baseCurrency(),
                    occurredAt).update();
        }
    }

    /**
     * The account's payments newest first, at most {@code limit}: all of them, or with {@code before} only
     * those that come after that position in this order.
     */
    List<StoredPayment> listForAccount(String accountId, PagePosition before, int limit) {
        if (before == null) {
            return jdbc.sql(COLUMNS + " WHERE account_id = ?" + ORDER)
                    .params(accountId, limit).query((rs, row) -> map(rs)).list();
        }
        OffsetDateTime occurredAt = utc(before.at());
        if (before.id() == null) {
            return jdbc.sql(COLUMNS + " WHERE account_id = ? AND occurred_at < ?" + ORDER)
                    .params(accountId, occurredAt, limit).query((rs, row) -> map(rs)).list();
        }
        return jdbc.sql(COLUMNS + " WHERE account_id = ? AND (occurred_at < ? OR (occurred_at = ? AND payment_id < ?))"
                        + ORDER)
                .params(accountId, occurredAt, occurredAt, before.id(), limit)
                .query((rs, row) -> map(rs)).list();
    }

    Optional<StoredPayment> find(String paymentId) {
        return jdbc.sql(COLUMNS + " WHERE payment_id = ?").param(paymentId).query((rs, row) -> map(rs)).optional();
    }

    private static StoredPayment map(ResultSet rs) throws SQLException {
        return new StoredPayment(
                rs.getString("payment_id"),
                rs.getString("account_id"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getBigDecimal("amount_base"),
                rs.getString("base_currency"),
                PaymentStatus.valueOf(rs.getString("status")),
                strings(rs.getArray("alert_ids")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("processed_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            // PostgreSQL's driver returns String[], H2's Object[].
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
