package dev.paymon.subscriber.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's fan-out and the seam between catching up and going live, step by step on a real (H2) database: the
 * hub reads when the test says so, and what it queued for each client is read from the client's buffer. The
 * races these steps stand for are exercised end to end by {@code StreamIT}.
 */
class StreamHubIT {

    private static final int BUFFER = 10;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private StreamEventRepository events;
    private TransactionTemplate transactions;
    private StreamHub hub;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        new FluentConfiguration().dataSource(dataSource).load().migrate();
        events = new StreamEventRepository(new JdbcTemplate(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        hub = new StreamHub(events, properties(BUFFER), meters);
    }

    @Test
    void makesLiveOnlyAClientThatHasCaughtUpWithThePosition() throws InterruptedException {
        append("acc-1", 3);
        hub.drain();
        StreamClient client = client(StreamFilter.ALL, BUFFER);

        boolean behind = hub.goLive(client, 2);
        boolean caughtUp = hub.goLive(client, 3);
        append("acc-1", 2);
        hub.drain();

        assertThat(List.of(behind, caughtUp, hub.position())).containsExactly(false, true, 5L);
        assertThat(queued(client)).containsExactly(4L, 5L);
    }

    @Test
    void handsAClientThatGotAheadOfTheHubOnlyTheEventsAfterItsCursor() throws InterruptedException {
        append("acc-1", 5);
        StreamClient client = client(StreamFilter.ALL, BUFFER);

        boolean live = hub.goLive(client, 3);
        hub.drain();

        assertThat(live).isTrue();
        assertThat(queued(client)).containsExactly(4L, 5L);
    }

    @Test
    void handsAClientLiveFromNowOnOnlyTheEventsReadAfterward() throws InterruptedException {
        append("acc-1", 2);
        hub.drain();
        StreamClient client = client(StreamFilter.ALL, BUFFER);

        hub.goLiveNow(client);
        append("acc-1", 1);
        hub.drain();

        assertThat(queued(client)).containsExactly(3L);
    }

    @Test
    void queuesForEachClientTheEventsOfItsAccountAndNames() throws InterruptedException {
        StreamClient oneAccount = client(new StreamFilter("acc-1", Set.of()), BUFFER);
        StreamClient alerts = client(new StreamFilter(null, Set.of("alert")), BUFFER);
        hub.goLiveNow(oneAccount);
        hub.goLiveNow(alerts);

        append("acc-1", "payment", "acc-2", "alert", "acc-1", "alert", "acc-2", "payment");
        hub.drain();

        assertThat(List.of(queued(oneAccount), queued(alerts))).containsExactly(List.of(1L, 3L), List.of(2L, 3L));
    }

    @Test
    void dropsAClientWhoseBufferOverflowsWithoutWaitingAndGoesOnWithTheOthers() throws InterruptedException {
        StreamClient slow = client(StreamFilter.ALL, 2);
        StreamClient other = client(StreamFilter.ALL, BUFFER);
        hub.goLiveNow(slow);
        hub.goLiveNow(other);

        append("acc-1", 5);
        hub.drain();
        append("acc-1", 1);
        hub.drain();

        assertThat(slow.buffer().next(Duration.ZERO).signal()).isEqualTo(ClientBuffer.Signal.OVERFLOWED);
        assertThat(queued(other)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(meters.counter(StreamHub.SLOW_DISCONNECTS_METRIC).count()).isEqualTo(1.0);
    }

    private void append(String accountId, int count) {
        transactions.executeWithoutResult(status -> events.append(IntStream.range(0, count)
                .mapToObj(i -> new StreamEventRepository.NewEvent("payment", accountId, "{}")).toList()));
    }

    /** Appends one event per pair of account and name. */
    private void append(String... accountsAndNames) {
        List<StreamEventRepository.NewEvent> newEvents = new ArrayList<>();
        for (int i = 0; i < accountsAndNames.length; i += 2) {
            newEvents.add(new StreamEventRepository.NewEvent(accountsAndNames[i + 1], accountsAndNames[i], "{}"));
        }
        transactions.executeWithoutResult(status -> events.append(newEvents));
    }

    private StreamClient client(StreamFilter filter, int buffer) {
        return new StreamClient(filter, OptionalLong.empty(), hub, events, properties(buffer),
                meters.counter(StreamConnections.SENT_METRIC), client -> hub.remove(client));
    }

    /** The ids queued for {@code client} so far. */
    private static List<Long> queued(StreamClient client) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (ClientBuffer.Next next = client.buffer().next(Duration.ZERO); next.signal() == ClientBuffer.Signal.EVENT;
             next = client.buffer().next(Duration.ZERO)) {
            ids.add(next.event().id());
        }
        return ids;
    }

    private static StreamProperties properties(int clientBuffer) {
        return new StreamProperties(Duration.ofHours(24), Duration.ofMinutes(1), clientBuffer, 100, 10,
                Duration.ofSeconds(15), Duration.ofMillis(500), 500);
    }
}
