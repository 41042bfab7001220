package dev.paymon.subscriber.projection;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The consumer offsets table on H2 in PostgreSQL mode, as the local default runs it, a fresh database per test. */
class ConsumerOffsetRepositoryH2IT extends ConsumerOffsetRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
