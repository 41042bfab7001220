package dev.paymon.subscriber.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the stats queries must answer on every supported database, on the schema the real Flyway
 * migrations create; rows are written with plain SQL, as the projections' repositories belong to their
 * features. Subclasses supply the database.
 */
abstract class StatsRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private JdbcClient jdbc;
    private StatsRepository stats;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        stats = new StatsRepository(jdbc);
    }

    @Test
    void countsNothingInEmptyTables() {
        assertThat(stats.paymentsByStatus()).isEmpty();
        assertThat(stats.alertsByRule()).isEmpty();
        assertThat(stats.deadLettersByReason()).isEmpty();
        assertThat(stats.newestDeadLetters(10)).isEmpty();
    }

    @Test
    void countsPaymentsByStatus() {
        payment("pay-1", "ACCEPTED");
        payment("pay-2", "FLAGGED");
        payment("pay-3", "ACCEPTED");
        payment("pay-4", "ACCEPTED");

        assertThat(stats.paymentsByStatus()).isEqualTo(Map.of("ACCEPTED", 3L, "FLAGGED", 1L));
    }

    @Test
    void countsAlertsByRuleWithTheOpenOnes() {
        alert("a-1", "VELOCITY", "OPEN");
        alert("a-2", "VELOCITY", "ACKNOWLEDGED");
        alert("a-3", "VELOCITY", "OPEN");
        alert("a-4", "LARGE_AMOUNT", "ACKNOWLEDGED");
        alert("a-5", "DAILY_LIMIT", "OPEN");

        assertThat(stats.alertsByRule()).containsExactlyInAnyOrder(
                new StatsRepository.RuleCount("VELOCITY", 3, 2),
                new StatsRepository.RuleCount("LARGE_AMOUNT", 1, 0),
                new StatsRepository.RuleCount("DAILY_LIMIT", 1, 1));
    }

    @Test
    void countsDeadLettersByReason() {
        deadLetter(0, 1, "INVALID_EVENT", 1);
        deadLetter(0, 2, "UNDECODABLE", 2);
        deadLetter(1, 1, "INVALID_EVENT", 3);

        assertThat(stats.deadLettersByReason()).isEqualTo(Map.of("INVALID_EVENT", 2L, "UNDECODABLE", 1L));
    }

    @Test
    void listsTheNewestDeadLettersByTimeWrittenThenPartitionAndOffsetUpToTheLimit() {
        deadLetter(0, 10, "INVALID_EVENT", 5);
        deadLetter(0, 11, "LATE_EVENT", 1);
        deadLetter(2, 3, "UNDECODABLE", 7);
        deadLetter(1, 4, "UNKNOWN_FX_RATE", 7);
        deadLetter(1, 5, "PROCESSING_ERROR", 7);

        assertThat(stats.newestDeadLetters(10)).containsExactly(
                last("UNDECODABLE", 2, 3, 7), last("PROCESSING_ERROR", 1, 5, 7), last("UNKNOWN_FX_RATE", 1, 4, 7),
                last("INVALID_EVENT", 0, 10, 5), last("LATE_EVENT", 0, 11, 1));
        assertThat(stats.newestDeadLetters(2)).containsExactly(
                last("UNDECODABLE", 2, 3, 7), last("PROCESSING_ERROR", 1, 5, 7));
        assertThat(stats.newestDeadLetters(0)).isEmpty();
    }

    private void payment(String paymentId, String status) {
        jdbc.sql("""
                INSERT INTO payments (payment_id, account_id, amount, currency, amount_base, base_currency, status,
                                      alert_ids, occurred_at, processed_at)
                VALUES (?, 'acc-1', 10, 'EUR', 10, 'EUR', ?, ARRAY['alert-1'], ?, ?)""")
                .params(paymentId, status, T0.atOffset(ZoneOffset.UTC), T0.atOffset(ZoneOffset.UTC)).update();
    }

    private void alert(String alertId, String rule, String status) {
        jdbc.sql("""
                INSERT INTO alerts (alert_id, account_id, rule, severity, payment_ids, detected_at, status)
                VALUES (?, 'acc-1', ?, 'HIGH', ARRAY['pay-1'], ?, ?)""")
                .params(alertId, rule, T0.atOffset(ZoneOffset.UTC), status).update();
    }

    /** A dead letter written {@code seconds} after T0, from source offset 100 times its DLQ offset. */
    private void deadLetter(int partition, long offset, String reason, int seconds) {
        jdbc.sql("""
                INSERT INTO dead_letters (dlq_partition, dlq_offset, reason, stage, detail, source_topic,
                                          source_partition, source_offset, record_key, dead_lettered_at)
                VALUES (?, ?, ?, 'validate', ?, 'payments.initiated.v1', ?, ?, 'acc-1', ?)""")
                .params(partition, offset, reason, "detail " + offset, partition, offset * 100,
                        T0.plusSeconds(seconds).atOffset(ZoneOffset.UTC))
                .update();
    }

    private static LastDeadLetter last(String reason, int partition, long offset, int seconds) {
        return new LastDeadLetter(reason, "validate", "detail " + offset, "payments.initiated.v1", partition,
                offset * 100, T0.plusSeconds(seconds));
    }
}
