package dev.paymon.subscriber.stats;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/**
 * The stats queries on H2 in PostgreSQL mode, with the options of the local default in
 * {@code application.yml}, in memory, a fresh database per test.
 */
class StatsRepositoryH2IT extends StatsRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
