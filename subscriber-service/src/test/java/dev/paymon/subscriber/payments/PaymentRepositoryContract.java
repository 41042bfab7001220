package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@code payments} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class PaymentRepositoryContract {

    private JdbcClient jdbc;
    private PaymentRepository payments;

    /** A fresh, empty database. */
    abstract DataSource dataSource();

    /** Flyway pointed at that database. */
    abstract FluentConfiguration flyway(FluentConfiguration flyway);

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        flyway(new FluentConfiguration().dataSource(dataSource)).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        payments = new PaymentRepository(jdbc);
    }

    @Test
    void readsBackAStoredFlaggedPaymentEqualWithItsAlertIdsInOrder() {
        StoredPayment flagged = StoredPayment.from(payment(id(), "acc-1", "12.50", "EUR", "12.50",
                List.of("alert-b", "alert-a", "alert-c")));

        assertThat(payments.insert(flagged)).isTrue();

        assertThat(payments.find(flagged.paymentId())).contains(flagged);
    }

    @Test
    void readsBackAnAcceptedPaymentWithNoAlertIds() {
        StoredPayment accepted = StoredPayment.from(payment(id(), "acc-1", "7.00", "USD", "6.3912", List.of()));

        payments.insert(accepted);

        assertThat(payments.find(accepted.paymentId())).contains(accepted);
        assertThat(payments.find(accepted.paymentId()).orElseThrow().alertIds()).isEmpty();
    }

    @Test
    void storesAPaymentDeliveredTwiceOnceKeepingTheFirst() {
        String paymentId = id();
        StoredPayment first = StoredPayment.from(payment(paymentId, "acc-1", "10.00", "EUR", "10.00", List.of()));
        StoredPayment replay = StoredPayment.from(payment(paymentId, "acc-1", "99.00", "EUR", "99.00", List.of("a-1")));

        assertThat(payments.insert(first)).isTrue();
        assertThat(payments.insert(first)).isFalse();
        assertThat(payments.insert(replay)).isFalse();

        assertThat(rows(paymentId)).isEqualTo(1);
        assertThat(payments.find(paymentId)).contains(first);
    }

    @Test
    void keepsEveryDigitOfConvertedAmountsAndTheCurrencyScaleOfWholeAmounts() {
        StoredPayment yen = StoredPayment.from(payment(id(), "acc-2", "1500", "JPY", "9.123456789", List.of()));
        StoredPayment euros = StoredPayment.from(payment(id(), "acc-2", "100", "EUR", "100", List.of()));

        payments.insert(yen);
        payments.insert(euros);

        StoredPayment readYen = payments.find(yen.paymentId()).orElseThrow();
        StoredPayment readEuros = payments.find(euros.paymentId()).orElseThrow();
        assertThat(List.of(readYen.amount(), readYen.amountBase(), readEuros.amount(), readEuros.amountBase()))
                .extracting(BigDecimal::toPlainString)
                .containsExactly("1500", "9.123456789", "100.00", "100.00");
    }

    @Test
    void keepsTimesToTheMicrosecondInUtc() {
        Instant occurred = Instant.parse("2026-03-01T23:59:59.123456789Z");
        StoredPayment stored = StoredPayment.from(payment(id(), "acc-3", "1.00", "EUR", "1.00", List.of(),
                occurred, occurred.plusMillis(5)));

        payments.insert(stored);

        StoredPayment read = payments.find(stored.paymentId()).orElseThrow();
        assertThat(List.of(read.occurredAt(), read.processedAt())).containsExactly(
                Instant.parse("2026-03-01T23:59:59.123456Z"), Instant.parse("2026-03-01T23:59:59.128456Z"));
        assertThat(read.status()).isEqualTo(PaymentStatus.ACCEPTED);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(payments.find("no-such-payment")).isEmpty();
    }

    private int rows(String paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM payments WHERE payment_id = ?").param(paymentId)
                .query(Integer.class).single();
    }

    private static String id() {
        return "pay-" + UUID.randomUUID();
    }
}
