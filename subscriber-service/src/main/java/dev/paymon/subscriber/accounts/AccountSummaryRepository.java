package dev.paymon.subscriber.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account summaries, read from the tables the projections keep: {@code account_summaries} (running totals
 * the payments projection updates with each new payment), and for an instant in the past the stored event
 * history itself, {@code payments} by {@code occurred_at} and {@code alerts} by {@code detected_at} and
 * acknowledgement time. Its SQL runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 */
@Repository
class AccountSummaryRepository {

    private static final String TOTALS = """
            SELECT payment_count, total_base, base_currency, last_payment_at
            FROM account_summaries WHERE account_id = ?""";

    private static final String OPEN_ALERTS = """
            SELECT COUNT(*) FROM alerts WHERE account_id = ? AND status = 'OPEN'""";

    private static final String HAS_ALERTS = """
            SELECT COUNT(*) FROM alerts WHERE account_id = ?""";

    private static final String TOTALS_AS_OF = """
            SELECT COUNT(*) AS payment_count, SUM(amount_base) AS total_base, MIN(base_currency) AS base_currency,
                   MAX(occurred_at) AS last_payment_at
            FROM payments WHERE account_id = ? AND occurred_at <= ?""";

    private static final String OPEN_ALERTS_AS_OF = """
            SELECT COUNT(*) FROM alerts
            WHERE account_id = ? AND detected_at <= ? AND (acknowledged_at IS NULL OR acknowledged_at > ?)""";

    private final JdbcClient jdbc;

    AccountSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's summary now; empty when no payment or alert of it was ever projected. */
    @Transactional(readOnly = true)
    Optional<AccountSummary> current(String accountId) {
        Optional<Totals> totals = jdbc.sql(TOTALS).param(accountId).query((rs, row) -> new Totals(
                rs.getLong("payment_count"), rs.getBigDecimal("total_base"), rs.getString("base_currency"),
                instant(rs.getObject("last_payment_at", OffsetDateTime.class)))).optional();
        long openAlerts = count(OPEN_ALERTS, accountId);
        if (totals.isEmpty() && count(HAS_ALERTS, accountId) == 0) {
            return Optional.empty();
        }
        // Known by its alerts alone: no payment, so no currency either.
        Totals known = totals.orElseGet(() -> new Totals(0, BigDecimal.ZERO, null, null));
        return Optional.of(known.summary(accountId, openAlerts));
    }

    /**
     * The account's summary as it stood at {@code asOf}, from its payments that occurred until then and its
     * alerts detected until then and not yet acknowledged at that instant; empty when the account is unknown.
     */
    @Transactional(readOnly = true)
    Optional<AccountSummary> asOf(String accountId, Instant asOf) {
        Optional<AccountSummary> now = current(accountId);
        if (now.isEmpty()) {
            return now;
        }
        OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
        Totals totals = jdbc.sql(TOTALS_AS_OF).params(accountId, at).query((rs, row) -> new Totals(
                rs.getLong("payment_count"),
                rs.getBigDecimal("total_base") == null ? BigDecimal.ZERO : rs.getBigDecimal("total_base"),
                rs.getString("base_currency") == null ? now.get().baseCurrency() : rs.getString("base_currency"),
                instant(rs.getObject("last_payment_at", OffsetDateTime.class)))).single();
        long openAlerts = jdbc.sql(OPEN_ALERTS_AS_OF).params(accountId, at, at).query(Long.class).single();
        return Optional.of(totals.summary(accountId, openAlerts));
    }

    private long count(String sql, String accountId) {
        return jdbc.sql(sql).param(accountId).query(Long.class).single();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private record Totals(long paymentCount, BigDecimal totalBase, String baseCurrency, Instant lastPaymentAt) {

        AccountSummary summary(String accountId, long openAlerts) {
            return AccountSummary.of(accountId, paymentCount, totalBase, baseCurrency, lastPaymentAt, openAlerts);
        }
    }
}
