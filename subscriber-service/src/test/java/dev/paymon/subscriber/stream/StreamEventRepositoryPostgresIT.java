package dev.paymon.subscriber.stream;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The stream events table on a real PostgreSQL, each test on a fresh schema. */
class StreamEventRepositoryPostgresIT extends StreamEventRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
