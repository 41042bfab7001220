package dev.paymon.subscriber;

import dev.paymon.testing.TestPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Fresh, empty databases with the service's real Flyway migrations applied, for the repository contracts. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** H2 in PostgreSQL mode with the options of the local default in {@code application.yml}, in memory. */
    public static DataSource h2() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        new FluentConfiguration().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** A new schema on the real PostgreSQL server. */
    public static DataSource postgres() {
        TestPostgres.Database database = TestPostgres.newSchema();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        new FluentConfiguration().dataSource(dataSource)
                .defaultSchema(database.schema()).schemas(database.schema()).load().migrate();
        return dataSource;
    }
}
