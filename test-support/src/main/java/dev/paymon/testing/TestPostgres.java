package dev.paymon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: by default the server on this machine (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, overridable with {@code paymon.test.postgres.url/user/password});
 * with {@code -Ptestcontainers} the {@code postgres} image. Each call to {@link #newSchema()} gives a
 * fresh, empty schema so test classes cannot see each other's rows.
 *
 * <p>When no server is reachable the test is skipped with a visible message, unless
 * {@code paymon.require-postgres=true} (set by CI), in which case it fails.
 */
public final class TestPostgres {

    /** Connection settings of one fresh schema. */
    public record Database(String url, String user, String password, String schema) {
    }

    private static volatile Database server;

    private TestPostgres() {
    }

    public static Database newSchema() {
        Database base = server();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base.url(), base.user(), base.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        String separator = base.url().contains("?") ? "&" : "?";
        return new Database(base.url() + separator + "currentSchema=" + schema, base.user(), base.password(), schema);
    }

    /**
     * A fresh, empty schema owned by a login role of its own, which the returned settings connect as: not a superuser,
     * so that a test can take privileges from it ({@link #asAdmin}) as an operator or a failover would.
     */
    public static Database newSchemaWithOwnRole() {
        Database base = server();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = UUID.randomUUID().toString();
        asAdmin("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'",
                "CREATE SCHEMA " + name + " AUTHORIZATION " + name);
        String separator = base.url().contains("?") ? "&" : "?";
        return new Database(base.url() + separator + "currentSchema=" + name, name, password, name);
    }

    /** Runs statements as the server's administrative user, e.g. {@code REVOKE INSERT ON s.payments FROM s}. */
    public static void asAdmin(String... statements) {
        Database base = server();
        try (Connection c = DriverManager.getConnection(base.url(), base.user(), base.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", statements), e);
        }
    }

    private static synchronized Database server() {
        if (server == null) {
            loadDriver();
            server = TestInfra.testcontainers() ? startContainer() : localServer();
        }
        return server;
    }

    /**
     * Registers the driver explicitly: {@code DriverManager}'s service-loader scan stops at the first
     * jar whose driver fails to load, which happens on the broad class path of the system tests.
     */
    private static void loadDriver() {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL JDBC driver is not on the test class path", e);
        }
    }

    private static Database localServer() {
        String url = System.getProperty("paymon.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("paymon.test.postgres.user", "postgres");
        String password = System.getProperty("paymon.test.postgres.password", "");
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return new Database(url, user, password, "public");
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + url + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("paymon.require-postgres")) {
                throw new IllegalStateException(message + " and paymon.require-postgres=true", e);
            }
            System.err.println("SKIPPED: " + message + "; PostgreSQL tests are skipped");
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static Database startContainer() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        postgres.start();
        return new Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), "public");
    }
}
