package dev.paymon.subscriber.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@code stream_events} table and its sequence must do on every supported database, on the schema the
 * real Flyway migrations create. Subclasses supply the database.
 */
abstract class StreamEventRepositoryContract {

    private static final Instant NOW = Instant.now();

    private StreamEventRepository events;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        events = new StreamEventRepository(new JdbcTemplate(dataSource));
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void numbersAppendedEventsWithContiguousIdsFromOneInOrder() {
        List<StreamEvent> first = append(event("payment", "acc-1", "{\"n\":1}"), event("alert", "acc-2", "{\"n\":2}"));
        List<StreamEvent> second = append(event("activity", "acc-1", "{\"n\":3}"));

        assertThat(first).containsExactly(new StreamEvent(1, "payment", "acc-1", "{\"n\":1}"),
                new StreamEvent(2, "alert", "acc-2", "{\"n\":2}"));
        assertThat(second).containsExactly(new StreamEvent(3, "activity", "acc-1", "{\"n\":3}"));
        assertThat(events.after(0, StreamFilter.ALL, 10)).containsExactlyElementsOf(concat(first, second));
        assertThat(events.lastId()).isEqualTo(3);
    }

    @Test
    void givesTheIdsOfARolledBackAppendToTheNextOne() {
        append(event("payment", "acc-1", "{}"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.append(List.of(event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}")));
            throw new IllegalStateException("projection failed");
        })).hasMessage("projection failed");
        List<StreamEvent> next = append(event("alert", "acc-1", "{}"));

        assertThat(next).extracting(StreamEvent::id).containsExactly(2L);
        assertThat(events.after(0, StreamFilter.ALL, 10)).extracting(StreamEvent::id).containsExactly(1L, 2L);
    }

    @Test
    void readsTheEventsAfterAnIdByAccountAndNameUpToALimit() {
        append(event("payment", "acc-1", "{}"), event("alert", "acc-1", "{}"), event("payment", "acc-2", "{}"),
                event("activity", "acc-1", "{}"), event("payment", "acc-1", "{}"), event("alert", "acc-2", "{}"));

        assertThat(List.of(
                ids(events.after(1, StreamFilter.ALL, 10)),
                ids(events.after(1, StreamFilter.ALL, 2)),
                ids(events.after(0, new StreamFilter("acc-1", Set.of()), 10)),
                ids(events.after(0, new StreamFilter(null, Set.of("alert", "activity")), 10)),
                ids(events.after(1, new StreamFilter("acc-1", Set.of("payment", "alert")), 10)),
                ids(events.after(6, StreamFilter.ALL, 10)),
                ids(events.after(0, new StreamFilter("acc-3", Set.of()), 10))))
                .containsExactly(List.of(2L, 3L, 4L, 5L, 6L), List.of(2L, 3L), List.of(1L, 2L, 4L, 5L),
                        List.of(2L, 4L, 6L), List.of(2L, 5L), List.of(), List.of());
    }

    @Test
    void prunesThePrefixUpToTheNewestEventCreatedBeforeTheCutoffSoThatASuffixRemains() {
        append(event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"));
        append(event("payment", "acc-1", "{}"));
        append(event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"));
        // A transaction that started earlier may take its ids later: creation times need not grow with ids.
        createdAt(1, NOW.minusSeconds(300));
        createdAt(2, NOW.minusSeconds(300));
        createdAt(3, NOW.minusSeconds(30));
        createdAt(4, NOW.minusSeconds(200));
        createdAt(5, NOW);

        int deleted = events.prune(NOW.minusSeconds(60), 100);

        assertThat(deleted).isEqualTo(4);
        assertThat(ids(events.after(0, StreamFilter.ALL, 10))).containsExactly(5L);
        assertThat(events.oldestAvailableId()).isEqualTo(5);
    }

    @Test
    void prunesAtMostTheLimitFromTheOldest() {
        append(event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"));
        LongStream.rangeClosed(1, 3).forEach(id -> createdAt(id, NOW.minusSeconds(600)));

        assertThat(List.of(events.prune(NOW, 2), events.prune(NOW, 2), events.prune(NOW, 2)))
                .containsExactly(2, 1, 0);
        assertThat(events.after(0, StreamFilter.ALL, 10)).isEmpty();
    }

    @Test
    void answersTheNextIdAsTheOldestAvailableWhenNoEventIsKept() {
        assertThat(events.oldestAvailableId()).isEqualTo(1);
        append(event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"));
        assertThat(events.oldestAvailableId()).isEqualTo(1);

        LongStream.rangeClosed(1, 2).forEach(id -> createdAt(id, NOW.minusSeconds(600)));
        events.prune(NOW, 100);

        assertThat(List.of(events.oldestAvailableId(), events.lastId())).containsExactly(3L, 2L);
    }

    @Test
    void prunerDeletesTheEventsOlderThanTheHorizon() {
        append(event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"), event("payment", "acc-1", "{}"));
        createdAt(1, NOW.minus(Duration.ofHours(25)));
        createdAt(2, NOW.minus(Duration.ofHours(23)));
        StreamPruner pruner = new StreamPruner(events, new StreamProperties(Duration.ofHours(24), Duration.ofMinutes(1),
                1000, 100, 10, Duration.ofSeconds(15), Duration.ofMillis(500), 500), new SimpleMeterRegistry());

        assertThat(pruner.prune()).isEqualTo(1);
        assertThat(ids(events.after(0, StreamFilter.ALL, 10))).containsExactly(2L, 3L);
    }

    /**
     * The hub's premise: with transactions appending at once, a reader that only ever asks for ids above the last
     * one it read misses none, because ids become visible in id order.
     */
    @Test
    void concurrentAppendsBecomeVisibleInIdOrderSoATailingReaderMissesNone() throws Exception {
        int writers = 4;
        int transactionsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> appended = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                appended.add(pool.submit(() -> {
                    int count = 0;
                    for (int t = 0; t < transactionsEach; t++) {
                        int size = ThreadLocalRandom.current().nextInt(1, 6);
                        List<StreamEvent> numbered = append(IntStream.range(0, size)
                                .mapToObj(i -> event("payment", "acc-1", "{}")).toArray(StreamEventRepository.NewEvent[]::new));
                        assertThat(ids(numbered)).isEqualTo(LongStream.range(numbered.get(0).id(),
                                numbered.get(0).id() + size).boxed().toList());
                        count += size;
                    }
                    return count;
                }));
            }
            List<Long> read = new ArrayList<>();
            long position = 0;
            while (!appended.stream().allMatch(Future::isDone) || position < events.lastId()) {
                for (StreamEvent event : events.after(position, StreamFilter.ALL, 50)) {
                    read.add(event.id());
                    position = event.id();
                }
            }
            int total = 0;
            for (Future<Integer> count : appended) {
                total += count.get();
            }

            assertThat(read).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<StreamEvent> append(StreamEventRepository.NewEvent... newEvents) {
        return transactions.execute(status -> events.append(List.of(newEvents)));
    }

    private void createdAt(long id, Instant createdAt) {
        jdbc.sql("UPDATE stream_events SET created_at = ? WHERE id = ?")
                .params(createdAt.atOffset(ZoneOffset.UTC), id).update();
    }

    private static StreamEventRepository.NewEvent event(String name, String accountId, String data) {
        return new StreamEventRepository.NewEvent(name, accountId, data);
    }

    private static List<Long> ids(List<StreamEvent> events) {
        return events.stream().map(StreamEvent::id).toList();
    }

    private static List<StreamEvent> concat(List<StreamEvent> first, List<StreamEvent> second) {
        List<StreamEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
