package dev.paymon.subscriber.payments;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/** The payments table on a real PostgreSQL, each test on a fresh schema. */
class PaymentRepositoryPostgresIT extends PaymentRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
