package dev.paymon.subscriber.stream;

import dev.paymon.testing.TestPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The stream events table on a real PostgreSQL, each test on a fresh schema. */
class StreamEventRepositoryPostgresIT extends StreamEventRepositoryContract {

    private TestPostgres.Database database;

    @Override
    DataSource dataSource() {
        database = TestPostgres.newSchema();
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

    @Override
    FluentConfiguration flyway(FluentConfiguration flyway) {
        return flyway.defaultSchema(database.schema()).schemas(database.schema());
    }
}
