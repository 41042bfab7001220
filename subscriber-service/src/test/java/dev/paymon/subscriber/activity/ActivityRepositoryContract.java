package dev.paymon.subscriber.activity;

import static dev.paymon.subscriber.TestEvents.activity;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@code account_activity} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class ActivityRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private JdbcClient jdbc;
    private ActivityRepository activity;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        activity = new ActivityRepository(jdbc);
    }

    @Test
    void readsBackAStoredWindowEqualWithEveryDigitAndTheCurrencyScaleOfWholeAmounts() {
        StoredActivity window = StoredActivity.from(activity("acc-1", T0, 3, "120", "99.123456789"));

        assertThat(activity.insert(window)).isTrue();

        List<StoredActivity> read = activity.list("acc-1", null, null, 100);
        assertThat(read).containsExactly(window);
        assertThat(List.of(read.get(0).totalBase(), read.get(0).maxBase())).extracting(BigDecimal::toPlainString)
                .containsExactly("120.00", "99.123456789");
    }

    @Test
    void storesAWindowDeliveredTwiceOnceKeepingTheFirst() {
        StoredActivity first = StoredActivity.from(activity("acc-1", T0, 2, "10.00", "6.00"));
        StoredActivity replay = StoredActivity.from(activity("acc-1", T0, 9, "90.00", "60.00"));

        assertThat(activity.insert(first)).isTrue();
        assertThat(activity.insert(first)).isFalse();
        assertThat(activity.insert(replay)).isFalse();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_activity").query(Integer.class).single()).isEqualTo(1);
        assertThat(activity.list("acc-1", null, null, 100)).containsExactly(first);
    }

    @Test
    void listsOneAccountsWindowsByStartWithinFromInclusiveAndToExclusive() {
        List<StoredActivity> windows = List.of(
                StoredActivity.from(activity("acc-1", T0.plusSeconds(120), 1, "1.00", "1.00")),
                StoredActivity.from(activity("acc-1", T0, 2, "2.00", "1.50")),
                StoredActivity.from(activity("acc-1", T0.plusSeconds(60), 3, "3.00", "2.00")),
                StoredActivity.from(activity("acc-2", T0.plusSeconds(60), 4, "4.00", "4.00")));
        windows.forEach(activity::insert);

        assertThat(starts(activity.list("acc-1", null, null, 100))).containsExactly(T0, T0.plusSeconds(60),
                T0.plusSeconds(120));
        assertThat(starts(activity.list("acc-1", T0.plusSeconds(60), null, 100))).containsExactly(T0.plusSeconds(60),
                T0.plusSeconds(120));
        assertThat(starts(activity.list("acc-1", null, T0.plusSeconds(60), 100))).containsExactly(T0);
        assertThat(starts(activity.list("acc-1", T0.plusSeconds(1), T0.plusSeconds(120), 100)))
                .containsExactly(T0.plusSeconds(60));
        assertThat(activity.list("acc-3", null, null, 100)).isEmpty();
        assertThat(starts(activity.list("acc-1", null, null, 2))).containsExactly(T0, T0.plusSeconds(60));
    }

    private static List<Instant> starts(List<StoredActivity> windows) {
        return windows.stream().map(StoredActivity::windowStart).toList();
    }
}
