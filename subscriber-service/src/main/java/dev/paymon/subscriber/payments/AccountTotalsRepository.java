package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.projection.SqlValues.utc;

import dev.paymon.subscriber.projection.DatabaseProductRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the {@code account_summaries} table, the running totals of each account's payments, in the transaction
 * that stores the payments; the only class that does (the query API's {@code AccountSummaryRepository} reads it). Its
 * SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode, but for the one-statement upsert on PostgreSQL.
 */
@Repository
class AccountTotalsRepository {

    // At most this many rows per multi-row INSERT: 5 parameters a row stay far below PostgreSQL's 32,767.
    private static final int MAX_ROWS = 1000;

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

    private static final String ADD_ALL_TO_SUMMARY = """
            UPDATE account_summaries
            SET payment_count = payment_count + ?, total_base = total_base + ?,
                last_payment_at = GREATEST(last_payment_at, ?)
            WHERE account_id = ?""";

    private static final String INSERT_SUMMARIES = """
            INSERT INTO account_summaries (account_id, payment_count, total_base, base_currency, last_payment_at)
            VALUES (?, ?, ?, ?, ?)""";

    // PostgreSQL: one statement adds a batch to every account's summary (H2 knows no ON CONFLICT DO UPDATE).
    private static final String UPSERT_SUMMARIES = """
            INSERT INTO account_summaries AS s (account_id, payment_count, total_base, base_currency, last_payment_at)
            VALUES %s
            ON CONFLICT (account_id) DO UPDATE
            SET payment_count = s.payment_count + EXCLUDED.payment_count,
                total_base = s.total_base + EXCLUDED.total_base,
                last_payment_at = GREATEST(s.last_payment_at, EXCLUDED.last_payment_at)""";

    private static final String SUMMARY_ROW = "(?, ?, ?, ?, ?)";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final DatabaseProductRepository database;

    AccountTotalsRepository(JdbcTemplate template, DatabaseProductRepository database) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.database = database;
    }

    /**
     * Adds newly stored payments to their accounts' running totals, like {@link #addToAccountSummary} on each,
     * with one update per account (and one insert per account without a summary yet), all in two batches.
     */
    void addToAccountSummaries(List<StoredPayment> payments) {
        // Sorted by account, so that concurrent writers would always lock summaries in the same order.
        Map<String, SummaryDelta> deltas = new TreeMap<>();
        payments.forEach(payment -> deltas.computeIfAbsent(payment.accountId(),
                account -> new SummaryDelta(payment.baseCurrency())).add(payment));
        List<String> accounts = List.copyOf(deltas.keySet());
        if (database.isPostgres()) {
            for (int from = 0; from < accounts.size(); from += MAX_ROWS) {
                List<String> chunk = accounts.subList(from, Math.min(accounts.size(), from + MAX_ROWS));
                template.update(UPSERT_SUMMARIES.formatted(String.join(", ",
                                Collections.nCopies(chunk.size(), SUMMARY_ROW))),
                        chunk.stream().flatMap(account -> Arrays.stream(deltas.get(account).insert(account)))
                                .toArray());
            }
            return;
        }
        int[] updated = template.batchUpdate(ADD_ALL_TO_SUMMARY, accounts.stream()
                .map(account -> deltas.get(account).update(account))
                .toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(deltas.get(accounts.get(i)).insert(accounts.get(i)));
            }
        }
        if (!missing.isEmpty()) {
            template.batchUpdate(INSERT_SUMMARIES, missing);
        }
    }

    /** What a batch adds to one account's summary. */
    private static final class SummaryDelta {

        private final String baseCurrency;
        private long count;
        private BigDecimal total = BigDecimal.ZERO;
        private Instant last;

        SummaryDelta(String baseCurrency) {
            this.baseCurrency = baseCurrency;
        }

        void add(StoredPayment payment) {
            count++;
            total = total.add(payment.amountBase());
            last = last == null || payment.occurredAt().isAfter(last) ? payment.occurredAt() : last;
        }

        Object[] update(String account) {
            return new Object[] {count, total, utc(last), account};
        }

        Object[] insert(String account) {
            return new Object[] {account, count, total, baseCurrency, utc(last)};
        }
    }

    /**
     * Adds a newly stored payment to its account's running totals; called in the transaction that stored it,
     * only when {@code PaymentRepository.insert} answered {@code true}.
     */
    void addToAccountSummary(StoredPayment payment) {
        OffsetDateTime occurredAt = utc(payment.occurredAt());
        if (jdbc.sql(ADD_TO_SUMMARY).params(payment.amountBase(), occurredAt, payment.accountId()).update() == 0) {
            jdbc.sql(INSERT_SUMMARY).params(payment.accountId(), payment.amountBase(), payment.baseCurrency(),
                    occurredAt).update();
        }
    }
}
