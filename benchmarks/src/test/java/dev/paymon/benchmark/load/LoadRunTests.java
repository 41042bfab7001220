package dev.paymon.benchmark.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadRunTests {

    static {
        // Else the JDK's server waits for the client's delayed ACK before each response body (Nagle): 40 ms each.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    /** Answers 202, except every {@code failEvery}-th request 503; request {@code stallAt} takes 400 ms. */
    private InetSocketAddress serve(int failEvery, int stallAt) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            if (n == stallAt) {
                pauseLikeAGarbageCollection();
            }
            byte[] body = "{\"paymentId\":\"p\"}".getBytes(UTF_8);
            exchange.sendResponseHeaders(failEvery > 0 && n % failEvery == 0 ? 503 : 202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server.getAddress();
    }

    private static void pauseLikeAGarbageCollection() {
        try {
            Thread.sleep(400); // the server stalls (as in a long GC pause): what the load generator must account for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RequestSource payments(InetSocketAddress address) {
        return new Payments("localhost:" + address.getPort(), "pk_test").single("/api/v1/payments");
    }

    @Test
    void closedLoopCountsSuccessfulAndUnsuccessfulAnswersApart() throws IOException {
        InetSocketAddress address = serve(3, -1);
        LoadRun run = LoadRun.closed("test", address, payments(address), 1);
        LoadRun.Snapshot start;
        try (run) {
            start = run.snapshot();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.snapshot().successful() >= 60);
        }
        Measurement m = run.snapshot().since(start);

        // Closed: every request sent was answered before the run stopped.
        assertThat(m.successful() + m.unsuccessful()).isEqualTo(requests.get());
        assertThat(m.unsuccessful()).isEqualTo(requests.get() / 3);
        assertThat(m.failed()).isZero();
        assertThat(m.events()).isEqualTo(m.successful());
        assertThat(m.latencies().getTotalCount()).isEqualTo(requests.get());
    }

    @Test
    void openLoopMeasuresFromTheIntendedSendTimeSoAStallDelaysEveryRequestBehindIt() throws IOException {
        InetSocketAddress address = serve(0, 100);
        Measurement m;
        try (LoadRun run = LoadRun.open("test", address, payments(address), 200, 1)) {
            LoadRun.Snapshot start = run.snapshot();
            await().atMost(Duration.ofSeconds(20)).until(() -> requests.get() >= 300);
            m = run.snapshot().since(start);
        }

        // 400 ms at 200/s: some 80 requests were due during the stall. Measured from when each could be sent
        // (closed-loop style) only the stalled one would be slow.
        assertThat(m.latencies().getMaxValue()).isGreaterThanOrEqualTo(Duration.ofMillis(390).toNanos());
        long slow = m.latencies().getCountBetweenValues(Duration.ofMillis(100).toNanos(),
                Duration.ofSeconds(10).toNanos());
        assertThat(slow).isGreaterThanOrEqualTo(40);
        assertThat(m.successful()).isGreaterThanOrEqualTo(290);
        assertThat(m.failed()).isZero();
    }

    @Test
    void connectionsThatCannotConnectCountAsFailed() throws IOException {
        InetSocketAddress address = serve(0, -1);
        server.stop(0);
        Measurement m;
        try (LoadRun run = LoadRun.open("test", address, payments(address), 100, 2)) {
            LoadRun.Snapshot start = run.snapshot();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.snapshot().failed() >= 10);
            m = run.snapshot().since(start);
            assertThat(run.lastError()).contains("Connect");
        }
        assertThat(m.successful()).isZero();
        assertThat(m.failed()).isGreaterThanOrEqualTo(10);
    }
}
