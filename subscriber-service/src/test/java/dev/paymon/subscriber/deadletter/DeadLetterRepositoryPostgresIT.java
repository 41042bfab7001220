package dev.paymon.subscriber.deadletter;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The dead_letters table on a real PostgreSQL, each test on a fresh schema. */
class DeadLetterRepositoryPostgresIT extends DeadLetterRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
