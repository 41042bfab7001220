package dev.paymon.subscriber.stats;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The stats queries on a real PostgreSQL, each test on a fresh schema. */
class StatsRepositoryPostgresIT extends StatsRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
