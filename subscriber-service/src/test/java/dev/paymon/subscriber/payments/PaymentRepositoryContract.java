package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.PaymentStatus;
import dev.paymon.subscriber.projection.DatabaseProductRepository;
import dev.paymon.subscriber.web.PagePosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@code payments} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class PaymentRepositoryContract {

    private JdbcClient jdbc;
    private PaymentRepository payments;
    private AccountTotalsRepository totals;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        DatabaseProductRepository database = new DatabaseProductRepository(new JdbcTemplate(dataSource));
        payments = new PaymentRepository(new JdbcTemplate(dataSource), database);
        totals = new AccountTotalsRepository(new JdbcTemplate(dataSource), database);
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

    @Test
    void pagesAnAccountsPaymentsNewestFirstWithoutOverlapOrGapAtTiesOfTheSameInstant() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        List<StoredPayment> stored = List.of(
                at("pay-a", t0), at("pay-b", t0.plusSeconds(60)), at("pay-c", t0.plusSeconds(60)),
                at("pay-d", t0.plusSeconds(60)), at("pay-e", t0.plusSeconds(120)));
        stored.forEach(payments::insert);
        payments.insert(StoredPayment.from(payment("pay-other", "acc-other", "1.00", "EUR", "1.00", List.of(),
                t0.plusSeconds(90), t0.plusSeconds(91))));

        List<String> first = ids(payments.listForAccount("acc-page", null, 2));
        List<String> second = ids(payments.listForAccount("acc-page",
                positionOf(first.get(1)), 2));
        List<String> third = ids(payments.listForAccount("acc-page",
                positionOf(second.get(1)), 2));

        assertThat(List.of(first, second, third)).containsExactly(
                List.of("pay-e", "pay-d"), List.of("pay-c", "pay-b"), List.of("pay-a"));
        assertThat(ids(payments.listForAccount("acc-page", PagePosition.before(t0.plusSeconds(60)), 10)))
                .containsExactly("pay-a");
    }

    @Test
    void keepsAnAccountsRunningTotalsFromTheNewPaymentsItIsGiven() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        StoredPayment later = StoredPayment.from(payment(id(), "acc-sum", "10.00", "USD", "9.1234", List.of(),
                t0.plusSeconds(30), t0.plusSeconds(31)));
        StoredPayment earlier = StoredPayment.from(payment(id(), "acc-sum", "5.50", "EUR", "5.50", List.of(),
                t0, t0.plusSeconds(1)));

        totals.addToAccountSummary(later);
        totals.addToAccountSummary(earlier);

        assertThat(jdbc.sql("""
                SELECT payment_count, total_base, base_currency, last_payment_at FROM account_summaries
                WHERE account_id = 'acc-sum'""").query((rs, row) -> List.of(rs.getLong(1),
                rs.getBigDecimal(2).stripTrailingZeros(), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant())).single())
                .containsExactly(2L, new BigDecimal("14.6234"), "EUR", t0.plusSeconds(30));
    }

    @Test
    void storesABatchTellingWhichPaymentsWereNewWithARepeatedIdNewOnlyAtItsFirstPlace() {
        StoredPayment stored = StoredPayment.from(payment(id(), "acc-b", "1.00", "EUR", "1.00", List.of()));
        payments.insert(stored);
        String repeatedId = id();
        StoredPayment first = StoredPayment.from(payment(repeatedId, "acc-b", "2.00", "EUR", "2.00", List.of("a-1")));
        StoredPayment repeat = StoredPayment.from(payment(repeatedId, "acc-b", "3.00", "EUR", "3.00", List.of()));
        StoredPayment other = StoredPayment.from(payment(id(), "acc-c", "4.00", "GBP", "4.6", List.of("a-2", "a-3")));

        boolean[] isNew = payments.insertAll(List.of(first, stored, repeat, other));

        assertThat(isNew).containsExactly(true, false, false, true);
        assertThat(List.of(payments.find(repeatedId), payments.find(other.paymentId()),
                payments.find(stored.paymentId())))
                .containsExactly(Optional.of(first), Optional.of(other), Optional.of(stored));
        assertThat(rows(repeatedId)).isEqualTo(1);
    }

    @Test
    void addsABatchToTheSummariesOnceAccountByAccountAsPaymentByPaymentWould() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        totals.addToAccountSummary(StoredPayment.from(payment(id(), "acc-x", "1.00", "EUR", "1.00", List.of(),
                t0.plusSeconds(60), t0.plusSeconds(61))));

        totals.addToAccountSummaries(List.of(
                StoredPayment.from(payment(id(), "acc-x", "2.50", "EUR", "2.50", List.of(), t0, t0)),
                StoredPayment.from(payment(id(), "acc-y", "10.00", "USD", "9.1234", List.of(), t0, t0)),
                StoredPayment.from(payment(id(), "acc-x", "3.00", "EUR", "3.00", List.of(),
                        t0.plusSeconds(90), t0.plusSeconds(90))),
                StoredPayment.from(payment(id(), "acc-y", "1.00", "EUR", "1.00", List.of(),
                        t0.plusSeconds(5), t0.plusSeconds(5)))));

        assertThat(summary("acc-x")).containsExactly(3L, new BigDecimal("6.5"), "EUR", t0.plusSeconds(90));
        assertThat(summary("acc-y")).containsExactly(2L, new BigDecimal("10.1234"), "EUR", t0.plusSeconds(5));
    }

    private List<Object> summary(String accountId) {
        return jdbc.sql("""
                SELECT payment_count, total_base, base_currency, last_payment_at FROM account_summaries
                WHERE account_id = ?""").param(accountId).query((rs, row) -> List.<Object>of(rs.getLong(1),
                rs.getBigDecimal(2).stripTrailingZeros(), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant())).single();
    }

    private int rows(String paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM payments WHERE payment_id = ?").param(paymentId)
                .query(Integer.class).single();
    }

    private static StoredPayment at(String paymentId, Instant occurredAt) {
        return StoredPayment.from(payment(paymentId, "acc-page", "1.00", "EUR", "1.00", List.of(), occurredAt,
                occurredAt.plusSeconds(1)));
    }

    private PagePosition positionOf(String paymentId) {
        StoredPayment payment = payments.find(paymentId).orElseThrow();
        return PagePosition.after(payment.occurredAt(), payment.paymentId());
    }

    private static List<String> ids(List<StoredPayment> page) {
        return page.stream().map(StoredPayment::paymentId).toList();
    }

    private static String id() {
        return "pay-" + UUID.randomUUID();
    }
}
