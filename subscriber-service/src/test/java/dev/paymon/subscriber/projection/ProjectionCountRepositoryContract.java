package dev.paymon.subscriber.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the {@code projection_counts} table must do on every supported database, on the schema the real Flyway
 * migrations create. Subclasses supply the database.
 */
abstract class ProjectionCountRepositoryContract {

    private ProjectionCountRepository counts;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        counts = new ProjectionCountRepository(new JdbcTemplate(database()));
    }

    /** Every status, rule and reason of the contract has its row, so that writers only ever update. */
    @Test
    void startsWithEveryCounterOfTheContractAtZero() {
        List<String> expected = new ArrayList<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            expected.add("payments." + status.name());
        }
        expected.add("payments.late");
        for (FraudRule rule : FraudRule.values()) {
            expected.add("alerts." + rule.name());
            expected.add("alerts.acknowledged." + rule.name());
        }
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            expected.add("dead_letters." + reason.name());
            expected.add("subscriber_dead_letters." + reason.name());
        }

        assertThat(counts.all()).containsOnlyKeys(expected).allSatisfy((counter, n) -> assertThat(n).isZero());
    }

    @Test
    void addsDeltasInsertsACounterItDoesNotKnowAndResetsAFeaturesCounters() {
        counts.add(Map.of("payments.ACCEPTED", 3L, "payments.late", 1L, "alerts.VELOCITY", 2L));
        counts.add(Map.of("payments.ACCEPTED", 2L, "payments.FROM_A_LATER_RELEASE", 4L, "payments.FLAGGED", 0L));
        counts.add("alerts.VELOCITY", -1);

        assertThat(counts.all()).containsEntry("payments.ACCEPTED", 5L).containsEntry("payments.late", 1L)
                .containsEntry("payments.FLAGGED", 0L).containsEntry("payments.FROM_A_LATER_RELEASE", 4L)
                .containsEntry("alerts.VELOCITY", 1L);

        counts.reset("payments.");

        assertThat(counts.all()).containsEntry("payments.ACCEPTED", 0L).containsEntry("payments.late", 0L)
                .containsEntry("payments.FROM_A_LATER_RELEASE", 0L).containsEntry("alerts.VELOCITY", 1L);
    }
}
