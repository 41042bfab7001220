package dev.paymon.subscriber.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the {@code dead_letters} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class DeadLetterRepositoryContract {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:31.250Z");
    private static final DeadLetter LATE = new DeadLetter(DeadLetterReason.LATE_EVENT, "window",
            "30 s after the grace period", "payments.initiated.v1", 5, 1_000_000_000_000L);

    private JdbcClient jdbc;
    private DeadLetterRepository deadLetters;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        deadLetters = new DeadLetterRepository(jdbc, new ProjectionCountRepository(new JdbcTemplate(dataSource)));
    }

    @Test
    void readsBackAStoredDeadLetterEqual() {
        StoredDeadLetter stored = new StoredDeadLetter(3, 12_345_678_901L, "acc-1", AT, LATE);

        assertThat(deadLetters.insert(stored)).isTrue();

        assertThat(deadLetters.find(3, 12_345_678_901L)).contains(stored);
    }

    @Test
    void storesADeadLetterWithoutKeyOrSourceCoordinates() {
        DeadLetter unplaced = new DeadLetter(DeadLetterReason.PROCESSING_ERROR, "monitor", null, null, -1, -1);
        StoredDeadLetter stored = new StoredDeadLetter(0, 0, null, AT, unplaced);

        assertThat(deadLetters.insert(stored)).isTrue();

        assertThat(deadLetters.find(0, 0)).contains(stored);
    }

    @Test
    void storesTheRecordAtOnePlaceInTheTopicOnceWhateverItSaysTheSecondTime() {
        StoredDeadLetter first = new StoredDeadLetter(1, 7, "acc-1", AT, LATE);
        StoredDeadLetter again = new StoredDeadLetter(1, 7, "acc-2", AT.plusSeconds(1), new DeadLetter(
                DeadLetterReason.UNDECODABLE, "decode", "not JSON", "payments.initiated.v1", 0, 1));
        deadLetters.insert(first);

        assertThat(List.of(deadLetters.insert(first), deadLetters.insert(again))).containsExactly(false, false);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM dead_letters").query(Integer.class).single()).isEqualTo(1);
        assertThat(deadLetters.find(1, 7)).contains(first);
    }

    @Test
    void tellsRecordsAtTheSameOffsetOfOtherPartitionsApart() {
        StoredDeadLetter inZero = new StoredDeadLetter(0, 7, "acc-1", AT, LATE);
        StoredDeadLetter inOne = new StoredDeadLetter(1, 7, "acc-1", AT, LATE);

        assertThat(List.of(deadLetters.insert(inZero), deadLetters.insert(inOne))).containsExactly(true, true);

        assertThat(deadLetters.find(0, 7)).contains(inZero);
        assertThat(deadLetters.find(1, 7)).contains(inOne);
    }

    @Test
    void clipsHeaderTextLongerThanItsColumnInsteadOfFailing() {
        String key = "k".repeat(DeadLetterRepository.KEY_WIDTH + 1);
        String stage = "s".repeat(DeadLetterRepository.STAGE_WIDTH + 1);
        String topic = "t".repeat(DeadLetterRepository.SOURCE_TOPIC_WIDTH + 1);
        String detail = "d".repeat(5000);

        assertThat(deadLetters.insert(new StoredDeadLetter(0, 1, key, AT,
                new DeadLetter(DeadLetterReason.PROCESSING_ERROR, stage, detail, topic, 0, 1)))).isTrue();

        assertThat(deadLetters.find(0, 1)).contains(new StoredDeadLetter(0, 1, key.substring(1), AT,
                new DeadLetter(DeadLetterReason.PROCESSING_ERROR, stage.substring(1), "d".repeat(1000),
                        topic.substring(1), 0, 1)));
    }
}
