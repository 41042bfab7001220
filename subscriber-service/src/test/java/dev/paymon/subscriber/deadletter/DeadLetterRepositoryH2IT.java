package dev.paymon.subscriber.deadletter;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/**
 * The dead_letters table on H2 in PostgreSQL mode, with the options of the local default in
 * {@code application.yml}, in memory, a fresh database per test.
 */
class DeadLetterRepositoryH2IT extends DeadLetterRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
