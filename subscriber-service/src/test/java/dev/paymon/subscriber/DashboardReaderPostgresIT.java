package dev.paymon.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login of Grafana's PostgreSQL data source, as {@code docker/postgres/dashboard-reader.sql} makes it (the
 * compose service dashboard-reader runs it as the database owner on every start) on the subscriber's real schema:
 * it reads the tables the dashboards read, and cannot write them, read any other table or create one, even if it
 * turns its read-only sessions off.
 */
class DashboardReaderPostgresIT {

    private static final Path SCRIPT = Path.of("..", "docker", "postgres", "dashboard-reader.sql");
    private static final String PASSWORD = "reader-" + UUID.randomUUID();

    private static TestPostgres.Database owner;

    @BeforeAll
    static void schemaWithTheReader() throws Exception {
        owner = TestPostgres.newSchema();
        new FluentConfiguration().dataSource(owner.url(), owner.user(), owner.password())
                .defaultSchema(owner.schema()).schemas(owner.schema()).load().migrate();
        applyScript();
        applyScript(); // as on every `docker compose up`: idempotent
    }

    @Test
    void readsTheTablesTheDashboardsRead() throws SQLException {
        try (Connection reader = reader(); Statement statement = reader.createStatement()) {
            for (String table : new String[] {"payments", "alerts", "dead_letters"}) {
                assertThat(statement.executeQuery("SELECT COUNT(*) FROM " + table).next()).as(table).isTrue();
            }
        }
    }

    @Test
    void cannotReadAnyOtherTable() throws SQLException {
        try (Connection reader = reader(); Statement statement = reader.createStatement()) {
            for (String table : new String[] {"consumer_offsets", "account_summaries", "alert_acknowledgements",
                    "stream_events", "projection_counts", "subscriber_dead_letters", "flyway_schema_history"}) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table)).as(table)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(table + ": " + e.getMessage()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void cannotWriteInItsReadOnlySessions() throws SQLException {
        try (Connection reader = reader(); Statement statement = reader.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM payments"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void cannotWriteOrCreateEvenWithReadOnlySessionsTurnedOff() throws SQLException {
        try (Connection reader = reader(); Statement statement = reader.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
            for (String write : new String[] {"DELETE FROM payments", "UPDATE alerts SET status = 'OPEN'",
                    "INSERT INTO dead_letters SELECT * FROM dead_letters", "TRUNCATE payments",
                    "CREATE TABLE reader_was_here (id INT)"}) {
                assertThatThrownBy(() -> statement.execute(write)).as(write)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(write + ": " + e.getMessage()).isEqualTo("42501"));
            }
        }
    }

    /** The script as psql runs it, with the password as its {@code :'password'} variable. */
    private static void applyScript() throws Exception {
        String sql = Files.readString(SCRIPT).replace(":'password'", "'" + PASSWORD + "'");
        try (Connection connection = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection reader() throws SQLException {
        return DriverManager.getConnection(owner.url(), "grafana_reader", PASSWORD);
    }
}
