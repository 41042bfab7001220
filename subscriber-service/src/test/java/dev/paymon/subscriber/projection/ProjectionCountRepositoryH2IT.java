package dev.paymon.subscriber.projection;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The projection counts on H2 in PostgreSQL mode, as the local default runs it, a fresh database per test. */
class ProjectionCountRepositoryH2IT extends ProjectionCountRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
