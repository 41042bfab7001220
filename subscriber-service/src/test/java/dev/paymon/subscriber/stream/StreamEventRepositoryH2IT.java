package dev.paymon.subscriber.stream;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The stream events table on H2 in PostgreSQL mode, as the local default runs it, a fresh database per test. */
class StreamEventRepositoryH2IT extends StreamEventRepositoryContract {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    FluentConfiguration flyway(FluentConfiguration flyway) {
        return flyway;
    }
}
