package dev.paymon.subscriber.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.subscriber.projection.ConsumerOffsetRepository.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@code consumer_offsets} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class ConsumerOffsetRepositoryContract {

    private static final TopicPartition PAYMENTS_0 = new TopicPartition("payments.enriched.v1", 0);
    private static final TopicPartition PAYMENTS_1 = new TopicPartition("payments.enriched.v1", 1);
    private static final TopicPartition OTHER_0 = new TopicPartition("other.topic.v1", 0);

    private ConsumerOffsetRepository offsets;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        offsets = new ConsumerOffsetRepository(new JdbcTemplate(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void knowsNoPositionForAPartitionTheGroupNeverApplied() {
        assertThat(offsets.position("group-a", PAYMENTS_0)).isEmpty();
        assertThat(inTransaction(() -> offsets.lockPositions("group-a", PAYMENTS_0.topic(), List.of(0, 1)))).isEmpty();
    }

    @Test
    void readsBackTheLatestSavedOffset() {
        offsets.save("group-a", PAYMENTS_0, 17);
        assertThat(next("group-a", PAYMENTS_0)).isEqualTo(17);

        offsets.save("group-a", PAYMENTS_0, 5_000_000_000L);
        assertThat(next("group-a", PAYMENTS_0)).isEqualTo(5_000_000_000L);
    }

    @Test
    void keepsOffsetsOfEachGroupTopicAndPartitionApart() {
        offsets.save("group-a", PAYMENTS_0, 10);
        offsets.save("group-a", PAYMENTS_1, 20);
        offsets.save("group-a", OTHER_0, 30);
        offsets.save("group-b", PAYMENTS_0, 40);

        assertThat(List.of(next("group-a", PAYMENTS_0), next("group-a", PAYMENTS_1), next("group-a", OTHER_0),
                next("group-b", PAYMENTS_0))).containsExactly(10L, 20L, 30L, 40L);
        assertThat(offsets.position("group-b", PAYMENTS_1)).isEmpty();
    }

    @Test
    void readsTheNextOffsetWithTheStreamStartWhichOnlyARebuildMoves() {
        offsets.save("group-a", PAYMENTS_0, 17);
        Optional<Position> saved = offsets.position("group-a", PAYMENTS_0);
        // What a rebuild does: replay from the start, but announce only what comes after the old offset.
        jdbc.sql("UPDATE consumer_offsets SET stream_from = next_offset, next_offset = 0").update();
        offsets.save("group-a", PAYMENTS_0, 5);

        assertThat(List.of(saved, offsets.position("group-a", PAYMENTS_0), offsets.position("group-b", PAYMENTS_0)))
                .containsExactly(Optional.of(new Position(17, 0)), Optional.of(new Position(5, 17)), Optional.empty());
    }

    @Test
    void savesTheOffsetsOfSeveralPartitionsAtOnceAndLocksOnlyThePartitionsAskedFor() {
        offsets.save("group-a", PAYMENTS_0, 3);
        offsets.save("group-b", PAYMENTS_1, 99);
        offsets.save("group-a", OTHER_0, 7);

        offsets.saveAll("group-a", Map.of(PAYMENTS_0, 12L, PAYMENTS_1, 4L));

        assertThat(inTransaction(() -> offsets.lockPositions("group-a", PAYMENTS_0.topic(), List.of(1, 0, 5))))
                .isEqualTo(Map.of(0, new Position(12, 0), 1, new Position(4, 0)));
        assertThat(inTransaction(() -> offsets.lockPositions("group-a", PAYMENTS_0.topic(), List.of(1))))
                .isEqualTo(Map.of(1, new Position(4, 0)));
        assertThat(List.of(next("group-b", PAYMENTS_1), next("group-a", OTHER_0))).containsExactly(99L, 7L);
        assertThat(inTransaction(() -> offsets.lockPositions("group-c", PAYMENTS_0.topic(), List.of(0)))).isEmpty();
    }

    /** A batch's lock holds a rewind (an update of the row from another connection) back until it commits. */
    @Test
    void keepsAnotherWriterOfALockedRowWaitingUntilTheLockingTransactionEnds() throws Exception {
        offsets.save("group-a", PAYMENTS_0, 10);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService batch = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = batch.submit(() -> transactions.executeWithoutResult(status -> {
                offsets.lockPositions("group-a", PAYMENTS_0.topic(), List.of(0));
                locked.countDown();
                await(release);
                offsets.save("group-a", PAYMENTS_0, 20);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            // Waits for the lock, or (H2, after its lock timeout) fails and tries again, until it gets the row.
            Future<Integer> rewind = Executors.newSingleThreadExecutor().submit(() -> {
                while (true) {
                    try {
                        return jdbc.sql("UPDATE consumer_offsets SET stream_from = next_offset, next_offset = 0")
                                .update();
                    } catch (DataAccessException lockTimeout) {
                        // Not yet.
                    }
                }
            });

            // The rewind cannot finish while the batch holds the row.
            assertThatThrownBy(() -> rewind.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);
            rewind.get(30, TimeUnit.SECONDS);

            assertThat(offsets.position("group-a", PAYMENTS_0)).contains(new Position(0, 20));
        } finally {
            release.countDown();
            batch.shutdownNow();
        }
    }

    @Test
    void keepsTheCommittedOffsetWhenATransactionSavingALaterOneRollsBack() {
        offsets.save("group-a", PAYMENTS_0, 3);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            offsets.save("group-a", PAYMENTS_0, 8);
            offsets.save("group-a", PAYMENTS_1, 8);
            throw new IllegalStateException("projection failed");
        })).hasMessage("projection failed");

        assertThat(next("group-a", PAYMENTS_0)).isEqualTo(3);
        assertThat(offsets.position("group-a", PAYMENTS_1)).isEmpty();
    }

    private long next(String group, TopicPartition partition) {
        return offsets.position(group, partition).orElseThrow().nextOffset();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
