package dev.paymon.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** With senders that only note what they were given and take time as a server would: no sockets needed. */
class LoadLoopTests {

    private static final Supplier<HttpConnection> CONNECTIONS =
            () -> new HttpConnection(new InetSocketAddress("localhost", 9), Duration.ofSeconds(1));

    private record Sent(long dueNanos, long sentNanos, HttpConnection connection) {
    }

    private static void take(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anOpenLoopSendsEachRequestAtItsDueTimeAndEndsWhenAllAreSent() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        LoadLoop loop = LoadLoop.open("test", 4, 100, 50, CONNECTIONS,
                (connection, due) -> sent.add(new Sent(due, System.nanoTime(), connection)));
        loop.awaitEnd();

        assertThat(sent).hasSize(50);
        List<Long> due = sent.stream().map(Sent::dueNanos).sorted().toList();
        for (int n = 1; n < due.size(); n++) {
            assertThat(due.get(n) - due.get(n - 1)).as("interval before request %d", n)
                    .isBetween(Duration.ofMillis(9).toNanos(), Duration.ofMillis(11).toNanos());
        }
        assertThat(due.get(0) - start).isBetween(0L, Duration.ofMillis(50).toNanos());
        assertThat(sent).allSatisfy(s -> assertThat(s.sentNanos()).isGreaterThanOrEqualTo(s.dueNanos()));
    }

    @Test
    void aRequestDueWhileEveryThreadIsBusyKeepsItsDueTimeAndGoesOutWhenOneIsFree() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        LoadLoop loop = LoadLoop.open("test", 2, 200, 100, CONNECTIONS, (connection, due) -> {
            sent.add(new Sent(due, System.nanoTime(), connection));
            if (requests.incrementAndGet() <= 2) {
                take(Duration.ofMillis(400)); // both threads stall, as in a server's long GC pause
            }
        });
        loop.awaitEnd();

        // 400 ms at 200/s: some 80 requests were due during the stall; each is late by what it waited.
        long late = sent.stream().filter(s -> s.sentNanos() - s.dueNanos() > Duration.ofMillis(100).toNanos()).count();
        assertThat(late).isGreaterThanOrEqualTo(40);
        assertThat(sent).hasSize(100).extracting(Sent::dueNanos).doesNotHaveDuplicates();
    }

    @Test
    void aClosedLoopKeepsOneRequestOutstandingPerThreadOnItsOwnConnectionUntilClosed() {
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<HttpConnection, Set<Thread>> connections = new ConcurrentHashMap<>();
        List<Sent> sent = new CopyOnWriteArrayList<>();
        LoadLoop loop = LoadLoop.closed("test", 3, CONNECTIONS, (connection, due) -> {
            most.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            connections.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread());
            sent.add(new Sent(due, System.nanoTime(), connection));
            take(Duration.ofMillis(20));
            outstanding.decrementAndGet();
        });
        loop.closeAfter(Duration.ofMillis(500));
        int afterClose = sent.size();
        take(Duration.ofMillis(100));

        assertThat(most).hasValue(3);
        assertThat(connections).hasSize(3).allSatisfy((connection, threads) -> assertThat(threads).hasSize(1));
        assertThat(outstanding).hasValue(0);
        assertThat(sent).hasSize(afterClose).hasSizeGreaterThan(30);
    }

    @Test
    void closingAnOpenLoopLeavesTheRequestsNotYetDueUnsent() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        LoadLoop loop = LoadLoop.open("test", 8, 10, CONNECTIONS,
                (connection, due) -> sent.add(new Sent(due, System.nanoTime(), connection)));
        loop.closeAfter(Duration.ofMillis(250));

        assertThat(sent).hasSizeBetween(2, 4);
    }
}
