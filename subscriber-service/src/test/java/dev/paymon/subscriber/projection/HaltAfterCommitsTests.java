package dev.paymon.subscriber.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The subscriber's crash hook: off unless configured, and then halting exactly once, right after the Nth commit. */
class HaltAfterCommitsTests {

    private final List<Integer> halts = new ArrayList<>();
    // A real transaction manager on an in-memory H2 database, so commit and rollback are real.
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")));

    @Test
    void isOffWhenNothingIsConfigured() {
        FaultInjectionProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(new FaultInjectionProperties(0));
        assertThat(properties.enabled()).isFalse();
    }

    @Test
    void neverHaltsWhenOff() {
        HaltAfterCommits hook = new HaltAfterCommits(bind(Map.of()), halts::add);

        for (int i = 0; i < 100; i++) {
            commit(hook);
        }

        assertThat(halts).isEmpty();
    }

    @Test
    void haltsWithExitCode137RightAfterTheNthCommitOnly() {
        HaltAfterCommits hook = new HaltAfterCommits(
                bind(Map.of("paymon.subscriber.fault-injection.halt-after-commits", "3")), halts::add);

        commit(hook);
        commit(hook);
        assertThat(halts).isEmpty();
        commit(hook);
        assertThat(halts).containsExactly(137);
        commit(hook);
        assertThat(halts).containsExactly(137);
    }

    @Test
    void aRolledBackBatchDoesNotCount() {
        HaltAfterCommits hook = new HaltAfterCommits(new FaultInjectionProperties(1), halts::add);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            hook.watchCommit();
            throw new IllegalStateException("the batch failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(halts).isEmpty();

        commit(hook);
        assertThat(halts).containsExactly(137);
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> new FaultInjectionProperties(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private void commit(HaltAfterCommits hook) {
        transactions.executeWithoutResult(status -> hook.watchCommit());
    }

    private static FaultInjectionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("paymon.subscriber.fault-injection", FaultInjectionProperties.class);
    }
}
