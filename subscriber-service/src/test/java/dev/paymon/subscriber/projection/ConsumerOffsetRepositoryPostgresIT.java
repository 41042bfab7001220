package dev.paymon.subscriber.projection;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The consumer offsets table on a real PostgreSQL, each test on a fresh schema. */
class ConsumerOffsetRepositoryPostgresIT extends ConsumerOffsetRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
