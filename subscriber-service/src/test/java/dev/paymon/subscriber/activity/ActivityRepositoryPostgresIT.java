package dev.paymon.subscriber.activity;

import dev.paymon.testing.TestPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The account_activity table on a real PostgreSQL, each test on a fresh schema. */
class ActivityRepositoryPostgresIT extends ActivityRepositoryContract {

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
