package dev.paymon.subscriber.alerts;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/**
 * The alerts table on H2 in PostgreSQL mode, with the options of the local default in
 * {@code application.yml}, in memory, a fresh database per test.
 */
class AlertRepositoryH2IT extends AlertRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
