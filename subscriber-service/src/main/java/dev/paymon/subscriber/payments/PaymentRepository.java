package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.projection.SqlValues.strings;
import static dev.paymon.subscriber.projection.SqlValues.utc;

import dev.paymon.events.PaymentStatus;
import dev.paymon.subscriber.projection.DatabaseProductRepository;
import dev.paymon.subscriber.web.PagePosition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payments} table. Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
class PaymentRepository {

    private static final String INSERT_COLUMNS = """
            INSERT INTO payments (payment_id, account_id, amount, currency, amount_base, base_currency, status,
                                  alert_ids, occurred_at, processed_at, late, fingerprint)
            VALUES """;

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ROW_PARAMETERS = 12;

    // Without a conflict target, as H2 only knows this form; payment_id is the table's only unique key.
    private static final String INSERT_ONE = INSERT_COLUMNS + ROW + " ON CONFLICT DO NOTHING";

    // At most this many rows per multi-row INSERT: 12 parameters a row stay far below PostgreSQL's 32,767.
    private static final int MAX_ROWS = 1000;

    private static final String COLUMNS = """
            SELECT payment_id, account_id, amount, currency, amount_base, base_currency, status,
                   alert_ids, occurred_at, processed_at, late, fingerprint
            FROM payments"""; 

    // Newest first by event time; ties broken by id so that pages never overlap or skip.
    private static final String ORDER = " ORDER BY occurred_at DESC, payment_id DESC LIMIT ?";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final DatabaseProductRepository database;

    PaymentRepository(JdbcTemplate template, DatabaseProductRepository database) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.database = database;
    }

    /** Stores the payment unless one with its id is stored already; {@code true} when it was new. */
    boolean insert(StoredPayment payment) {
        return template.update(INSERT_ONE, statement -> bind(statement, 0, payment)) == 1;
    }

    /**
     * Stores the payments that are not stored yet, like {@link #insert} on each in order, with one statement on
     * PostgreSQL ({@code RETURNING} the ids it inserted) or one batch elsewhere; answers per payment whether it was
     * new. A payment id repeated in {@code payments} is new at most once, at its first place.
     */
    boolean[] insertAll(List<StoredPayment> payments) {
        Map<String, Integer> firsts = new HashMap<>();
        List<StoredPayment> unique = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            if (firsts.putIfAbsent(payments.get(i).paymentId(), i) == null) {
                unique.add(payments.get(i));
            }
        }
        Set<String> inserted = postgres() ? insertReturning(unique) : insertBatch(unique);
        boolean[] stored = new boolean[payments.size()];
        inserted.forEach(id -> stored[firsts.get(id)] = true);
        return stored;
    }

    /** PostgreSQL answers INSERT ... RETURNING and ON CONFLICT DO UPDATE; H2 2.x knows neither. */
    private boolean postgres() {
        return database.isPostgres();
    }

    private Set<String> insertReturning(List<StoredPayment> payments) {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < payments.size(); from += MAX_ROWS) {
            List<StoredPayment> chunk = payments.subList(from, Math.min(payments.size(), from + MAX_ROWS));
            String sql = INSERT_COLUMNS + String.join(", ", Collections.nCopies(chunk.size(), ROW))
                    + " ON CONFLICT DO NOTHING RETURNING payment_id";
            template.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql);
                for (int i = 0; i < chunk.size(); i++) {
                    bind(statement, i * ROW_PARAMETERS, chunk.get(i));
                }
                return statement;
            }, (ResultSet rs) -> {
                inserted.add(rs.getString(1));
            });
        }
        return inserted;
    }

    private Set<String> insertBatch(List<StoredPayment> payments) {
        int[][] counts = template.batchUpdate(INSERT_ONE, payments, payments.size(),
                (statement, payment) -> bind(statement, 0, payment));
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < payments.size(); i++) {
            int count = counts[0][i];
            if (count == Statement.SUCCESS_NO_INFO) {
                // E.g. pgjdbc's reWriteBatchedInserts: whether the row was new is unknown; the caller falls back.
                throw new IllegalStateException("the database did not tell which payments of a batch were new");
            }
            if (count == 1) {
                inserted.add(payments.get(i).paymentId());
            }
        }
        return inserted;
    }

    /** Binds the columns of {@code payment} after parameter {@code offset}. */
    private static void bind(PreparedStatement statement, int offset, StoredPayment payment) throws SQLException {
        statement.setString(offset + 1, payment.paymentId());
        statement.setString(offset + 2, payment.accountId());
        statement.setBigDecimal(offset + 3, payment.amount());
        statement.setString(offset + 4, payment.currency());
        statement.setBigDecimal(offset + 5, payment.amountBase());
        statement.setString(offset + 6, payment.baseCurrency());
        statement.setString(offset + 7, payment.status().name());
        statement.setArray(offset + 8, statement.getConnection().createArrayOf("varchar",
                payment.alertIds().toArray(String[]::new)));
        statement.setObject(offset + 9, utc(payment.occurredAt()));
        statement.setObject(offset + 10, utc(payment.processedAt()));
        statement.setBoolean(offset + 11, payment.late());
        if (payment.fingerprint() == null) {
            statement.setNull(offset + 12, Types.BIGINT);
        } else {
            statement.setLong(offset + 12, payment.fingerprint());
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

    /** The stored payments with these ids, by id (those not stored are absent). */
    Map<String, StoredPayment> findAll(Collection<String> paymentIds) {
        Map<String, StoredPayment> found = new HashMap<>();
        List<String> ids = List.copyOf(paymentIds);
        for (int from = 0; from < ids.size(); from += MAX_ROWS) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_ROWS));
            template.query(COLUMNS + " WHERE payment_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ")", (ResultSet rs) -> {
                StoredPayment payment = map(rs);
                found.put(payment.paymentId(), payment);
            }, chunk.toArray());
        }
        return found;
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
                rs.getObject("processed_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("late"),
                rs.getObject("fingerprint", Long.class));
    }
}
