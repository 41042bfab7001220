package dev.paymon.subscriber.payments;

import dev.paymon.subscriber.TestDatabases;
import javax.sql.DataSource;

/**
 * The payments table on H2 in PostgreSQL mode, with the options of the local default in
 * {@code application.yml}, in memory, a fresh database per test.
 */
class PaymentRepositoryH2IT extends PaymentRepositoryContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
