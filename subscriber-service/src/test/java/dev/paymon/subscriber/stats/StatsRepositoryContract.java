package dev.paymon.subscriber.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the stats' query of the newest dead letters must answer on every supported database, on the schema the
 * real Flyway migrations create; rows are written with plain SQL, as the projections' repositories belong to their
 * features (the counts are {@code ProjectionCountRepositoryContract}'s). Subclasses supply the database.
 */
abstract class StatsRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private JdbcClient jdbc;
    private StatsRepository stats;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        stats = new StatsRepository(jdbc);
    }

    @Test
    void listsNoDeadLetterInAnEmptyTable() {
        assertThat(stats.newestDeadLetters(10)).isEmpty();
    }

    @Test
    void listsTheNewestDeadLettersByTimeWrittenThenPartitionAndOffsetUpToTheLimit() {
        deadLetter(0, 10, "INVALID_EVENT", 5);
        deadLetter(0, 11, "LATE_EVENT", 1);
        deadLetter(2, 3, "UNDECODABLE", 7);
        deadLetter(1, 4, "UNKNOWN_FX_RATE", 7);
        deadLetter(1, 5, "PROCESSING_ERROR", 7);

        assertThat(stats.newestDeadLetters(10)).containsExactly(
                last("UNDECODABLE", 2, 3, 7), last("PROCESSING_ERROR", 1, 5, 7), last("UNKNOWN_FX_RATE", 1, 4, 7),
                last("INVALID_EVENT", 0, 10, 5), last("LATE_EVENT", 0, 11, 1));
        assertThat(stats.newestDeadLetters(2)).containsExactly(
                last("UNDECODABLE", 2, 3, 7), last("PROCESSING_ERROR", 1, 5, 7));
        assertThat(stats.newestDeadLetters(0)).isEmpty();
    }

    /** A dead letter written {@code seconds} after T0, from source offset 100 times its DLQ offset. */
    private void deadLetter(int partition, long offset, String reason, int seconds) {
        jdbc.sql("""
                INSERT INTO dead_letters (dlq_partition, dlq_offset, reason, stage, detail, source_topic,
                                          source_partition, source_offset, record_key, dead_lettered_at)
                VALUES (?, ?, ?, 'validate', ?, 'payments.initiated.v1', ?, ?, 'acc-1', ?)""")
                .params(partition, offset, reason, "detail " + offset, partition, offset * 100,
                        T0.plusSeconds(seconds).atOffset(ZoneOffset.UTC))
                .update();
    }

    private static LastDeadLetter last(String reason, int partition, long offset, int seconds) {
        return new LastDeadLetter(reason, "validate", "detail " + offset, "payments.initiated.v1", partition,
                offset * 100, T0.plusSeconds(seconds));
    }
}
