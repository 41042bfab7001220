package dev.paymon.subscriber.alerts;

import static dev.paymon.subscriber.projection.SqlValues.strings;
import static dev.paymon.subscriber.projection.SqlValues.utc;

import dev.paymon.events.FraudRule;
import dev.paymon.events.Severity;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code alerts} table, and the stats' counts of alerts ({@value #COUNTERS}rule) and of acknowledged ones
 * ({@value #ACKNOWLEDGED}rule), kept in the same transactions. Its SQL runs unchanged on PostgreSQL and on H2 in
 * PostgreSQL mode.
 */
@Repository
class AlertRepository {

    static final String COUNTERS = "alerts.";
    static final String ACKNOWLEDGED = "alerts.acknowledged.";

    // Without a conflict target, as H2 only knows this form; alert_id is the table's only unique key.
    // A replayed alert thus never resets the status of the stored one.
    private static final String INSERT = """
            INSERT INTO alerts (alert_id, account_id, rule, severity, payment_ids, detected_at, status, acknowledged_at)
            VALUES (:alertId, :accountId, :rule, :severity, :paymentIds, :detectedAt, :status, :acknowledgedAt)
            ON CONFLICT DO NOTHING""";

    private static final String COLUMNS = """
            SELECT alert_id, account_id, rule, severity, payment_ids, detected_at, status, acknowledged_at
            FROM alerts""";

    // Only an open alert changes, so acknowledging again keeps the first acknowledged_at.
    private static final String ACKNOWLEDGE = """
            UPDATE alerts SET status = 'ACKNOWLEDGED', acknowledged_at = ?
            WHERE alert_id = ? AND status = 'OPEN'""";

    // The decision itself, kept apart from the projection so that a rebuild from Kafka keeps it.
    private static final String RECORD_ACKNOWLEDGEMENT = """
            INSERT INTO alert_acknowledgements (alert_id, acknowledged_at) VALUES (?, ?)
            ON CONFLICT DO NOTHING""";

    private static final String ACKNOWLEDGED_AT = """
            SELECT acknowledged_at FROM alert_acknowledgements WHERE alert_id = ?""";

    private final JdbcClient jdbc;
    private final ProjectionCountRepository counts;

    AlertRepository(JdbcClient jdbc, ProjectionCountRepository counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /**
     * Stores the alert unless one with its id is stored already; {@code true} when it was new. An alert
     * acknowledged before (and projected again by a rebuild) is stored acknowledged.
     */
    boolean insert(StoredAlert raised) {
        StoredAlert alert = acknowledgedAt(raised.alertId()).map(raised::acknowledged).orElse(raised);
        String[] paymentIds = alert.paymentIds().toArray(String[]::new);
        boolean inserted = jdbc.sql(INSERT)
                .param("alertId", alert.alertId())
                .param("accountId", alert.accountId())
                .param("rule", alert.rule().name())
                .param("severity", alert.severity().name())
                .param("paymentIds", (SqlTypeValue) (statement, index, sqlType, typeName) ->
                        statement.setArray(index, statement.getConnection().createArrayOf("varchar", paymentIds)))
                .param("detectedAt", utc(alert.detectedAt()))
                .param("status", alert.status().name())
                .param("acknowledgedAt", alert.acknowledgedAt() == null ? null : utc(alert.acknowledgedAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .update() == 1;
        if (inserted) {
            counts.add(COUNTERS + alert.rule().name(), 1);
            if (alert.status() == AlertStatus.ACKNOWLEDGED) {
                counts.add(ACKNOWLEDGED + alert.rule().name(), 1);
            }
        }
        return inserted;
    }

    Optional<StoredAlert> find(String alertId) {
        return jdbc.sql(COLUMNS + " WHERE alert_id = ?").param(alertId).query((rs, row) -> map(rs)).optional();
    }

    /**
     * Marks the alert acknowledged unless it is already; answers it as it is now, empty when unknown.
     * One transaction keeps the alert row and the acknowledgement together.
     */
    @Transactional
    Optional<StoredAlert> acknowledge(String alertId) {
        Instant now = Instant.now();
        boolean acknowledged = setAcknowledged(alertId, now);
        if (acknowledged) {
            jdbc.sql(RECORD_ACKNOWLEDGEMENT).params(alertId, utc(now)).update();
        }
        Optional<StoredAlert> alert = find(alertId);
        if (acknowledged) {
            counts.add(ACKNOWLEDGED + alert.orElseThrow().rule().name(), 1);
        }
        return alert;
    }

    private boolean setAcknowledged(String alertId, Instant at) {
        return jdbc.sql(ACKNOWLEDGE).params(utc(at), alertId).update() == 1;
    }

    private Optional<Instant> acknowledgedAt(String alertId) {
        return jdbc.sql(ACKNOWLEDGED_AT).param(alertId).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    /** The alerts matching the query, newest detection first (ties by id, descending). */
    List<StoredAlert> list(AlertQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.accountId() != null) {
            conditions.add("account_id = ?");
            params.add(query.accountId());
        }
        if (query.rule() != null) {
            conditions.add("rule = ?");
            params.add(query.rule().name());
        }
        if (query.status() != null) {
            conditions.add("status = ?");
            params.add(query.status().name());
        }
        if (query.before() != null) {
            OffsetDateTime before = utc(query.before().at());
            if (query.before().id() == null) {
                conditions.add("detected_at < ?");
                params.add(before);
            } else {
                conditions.add("(detected_at < ? OR (detected_at = ? AND alert_id < ?))");
                params.addAll(List.of(before, before, query.before().id()));
            }
        }
        params.add(query.limit());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql(COLUMNS + where + " ORDER BY detected_at DESC, alert_id DESC LIMIT ?")
                .params(params).query((rs, row) -> map(rs)).list();
    }

    private static StoredAlert map(ResultSet rs) throws SQLException {
        OffsetDateTime acknowledgedAt = rs.getObject("acknowledged_at", OffsetDateTime.class);
        return new StoredAlert(
                rs.getString("alert_id"),
                rs.getString("account_id"),
                FraudRule.valueOf(rs.getString("rule")),
                Severity.valueOf(rs.getString("severity")),
                strings(rs.getArray("payment_ids")),
                rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                AlertStatus.valueOf(rs.getString("status")),
                acknowledgedAt == null ? null : acknowledgedAt.toInstant());
    }
}
