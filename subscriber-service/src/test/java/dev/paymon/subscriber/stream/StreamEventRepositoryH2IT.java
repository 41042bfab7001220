package dev.paymon.subscriber.stream;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The stream events table on H2 in PostgreSQL mode, as the local default runs it, a fresh database per test. */
class StreamEventRepositoryH2IT extends StreamEventRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
