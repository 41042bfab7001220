package dev.paymon.subscriber.activity;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The account_activity table on a real PostgreSQL, each test on a fresh schema. */
class ActivityRepositoryPostgresIT extends ActivityRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
