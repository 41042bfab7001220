package dev.paymon.benchmark.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The subscriber's database: by default a fresh PostgreSQL database {@value #NAME} (dropped and created again on
 * each run), else the subscriber's embedded H2 file database in the run's data folder.
 *
 * @param description what the report says, e.g. {@code PostgreSQL 15.4 (127.0.0.1:5432/paymon_bench)}
 * @param subscriberArguments the subscriber's datasource arguments
 */
public record Database(String description, List<String> subscriberArguments) {

    static final String NAME = "paymon_bench";

    /** The subscriber's default, H2 in PostgreSQL mode under its data folder. */
    public static Database h2(String why) {
        return new Database("H2 (embedded file database)" + (why.isEmpty() ? "" : "; " + why), List.of());
    }

    /**
     * Drops and creates {@value #NAME} on the server at {@code serverUrl} (e.g.
     * {@code jdbc:postgresql://127.0.0.1:5432/}, connecting to its {@code postgres} database to do so).
     *
     * @throws SQLException when the server cannot be reached or refuses
     */
    public static Database freshPostgres(String serverUrl, String user, String password) throws SQLException {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        String version;
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
             Statement s = c.createStatement()) {
            version = c.getMetaData().getDatabaseProductVersion();
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + NAME);
        }
        String url = base + NAME;
        return new Database("PostgreSQL " + version + " (" + url.replace("jdbc:postgresql://", "") + ")", List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password));
    }

    public boolean postgres() {
        return description.startsWith("PostgreSQL");
    }
}
