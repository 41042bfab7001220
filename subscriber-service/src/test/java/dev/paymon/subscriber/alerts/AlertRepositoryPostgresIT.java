package dev.paymon.subscriber.alerts;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The alerts table on a real PostgreSQL, each test on a fresh schema. */
class AlertRepositoryPostgresIT extends AlertRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
