package dev.paymon.subscriber.activity;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/**
 * The account_activity table on H2 in PostgreSQL mode, with the options of the local default in
 * {@code application.yml}, in memory, a fresh database per test.
 */
class ActivityRepositoryH2IT extends ActivityRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
