package dev.paymon.subscriber.projection;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The projection counts on a real PostgreSQL, each test on a fresh schema. */
class ProjectionCountRepositoryPostgresIT extends ProjectionCountRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
