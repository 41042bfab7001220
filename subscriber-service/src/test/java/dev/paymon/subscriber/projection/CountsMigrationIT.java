package dev.paymon.subscriber.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.TestPostgres;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An upgrade from the release before the counts: migration V7 counts what the projections already hold, so the
 * stats answer the same before and after, and marks the payments stored then as not late.
 */
class CountsMigrationIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void countsWhatAnEarlierReleaseStored(String database) {
        FluentConfiguration flyway = flyway(database);
        flyway.target("6").load().migrate();
        JdbcClient jdbc = JdbcClient.create(flyway.getDataSource());
        payment(jdbc, "pay-1", "ACCEPTED");
        payment(jdbc, "pay-2", "FLAGGED");
        payment(jdbc, "pay-3", "ACCEPTED");
        alert(jdbc, "a-1", "VELOCITY", "OPEN");
        alert(jdbc, "a-2", "VELOCITY", "ACKNOWLEDGED");
        deadLetter(jdbc, 7, "INVALID_EVENT");

        flyway.target("latest").load().migrate();

        assertThat(new ProjectionCountRepository(new JdbcTemplate(flyway.getDataSource())).all())
                .containsEntry("payments.ACCEPTED", 2L).containsEntry("payments.FLAGGED", 1L)
                .containsEntry("payments.late", 0L).containsEntry("alerts.VELOCITY", 2L)
                .containsEntry("alerts.acknowledged.VELOCITY", 1L).containsEntry("alerts.LARGE_AMOUNT", 0L)
                .containsEntry("dead_letters.INVALID_EVENT", 1L).containsEntry("subscriber_dead_letters.UNDECODABLE", 0L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payments WHERE late").query(Long.class).single()).isZero();
    }

    private static FluentConfiguration flyway(String database) {
        if (database.equals("h2")) {
            DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
            return new FluentConfiguration().dataSource(h2);
        }
        TestPostgres.Database schema = TestPostgres.newSchema();
        DataSource postgres = new DriverManagerDataSource(schema.url(), schema.user(), schema.password());
        return new FluentConfiguration().dataSource(postgres).defaultSchema(schema.schema()).schemas(schema.schema());
    }

    private static void payment(JdbcClient jdbc, String paymentId, String status) {
        jdbc.sql("""
                INSERT INTO payments (payment_id, account_id, amount, currency, amount_base, base_currency, status,
                                      alert_ids, occurred_at, processed_at)
                VALUES (?, 'acc-1', 10, 'EUR', 10, 'EUR', ?, ARRAY['alert-1'], ?, ?)""")
                .params(paymentId, status, T0.atOffset(ZoneOffset.UTC), T0.atOffset(ZoneOffset.UTC)).update();
    }

    private static void alert(JdbcClient jdbc, String alertId, String rule, String status) {
        jdbc.sql("""
                INSERT INTO alerts (alert_id, account_id, rule, severity, payment_ids, detected_at, status)
                VALUES (?, 'acc-1', ?, 'HIGH', ARRAY['pay-1'], ?, ?)""")
                .params(alertId, rule, T0.atOffset(ZoneOffset.UTC), status).update();
    }

    private static void deadLetter(JdbcClient jdbc, long offset, String reason) {
        jdbc.sql("""
                INSERT INTO dead_letters (dlq_partition, dlq_offset, reason, stage, detail, source_topic,
                                          source_partition, source_offset, record_key, dead_lettered_at)
                VALUES (0, ?, ?, 'validate', 'detail', 'payments.initiated.v1', 0, 1, 'acc-1', ?)""")
                .params(offset, reason, T0.atOffset(ZoneOffset.UTC)).update();
    }
}
