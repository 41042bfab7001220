package dev.paymon.systemtest.overload;

import dev.paymon.load.HttpAnswer;
import dev.paymon.load.HttpConnection;
import dev.paymon.load.LoadLoop;
import dev.paymon.load.Payment;
import dev.paymon.load.PaymentRequests;
import dev.paymon.systemtest.Http;
import dev.paymon.systemtest.SystemStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phases of payments sent to the publisher over real HTTP by a {@link LoadLoop}, either open loop (at a constant
 * rate, each request due at its intended time whatever became of the earlier ones, its latency measured from that
 * time: no coordinated omission) or closed loop (a fixed number of requests always outstanding, to find the
 * capacity). An open loop sends from {@value #THREADS} threads, each with its own kept-alive {@link HttpConnection};
 * a request due while all are busy waits for one, and that wait counts in its latency. Every payment has a fresh id
 * ({@code <run>-<n>}) and one of a few accounts of the run ({@code <run>-acc-<k>}).
 */
final class PaymentPhases implements AutoCloseable {

    /** Above the publisher's send timeout (5 s), so an admitted request always has its answer in time. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int THREADS = 256;
    private static final int ACCOUNTS = 40;

    private final InetSocketAddress server;
    private final PaymentRequests requests;
    private final String run;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    /** The phase in progress, stopped by {@link #close()} should a test fail during it. */
    private volatile LoadLoop current;

    PaymentPhases(String publisherUrl, String run) {
        URI publisher = URI.create(publisherUrl);
        this.server = new InetSocketAddress(publisher.getHost(), publisher.getPort());
        this.requests = PaymentRequests.to(publisher, SystemStack.API_KEY);
        this.run = run;
    }

    /** Open loop: request n is due at start + n / rate; all are answered (or failed) before this returns. */
    LoadPhase openLoop(String phase, double perSecond, Duration duration) {
        long total = Math.round(perSecond * duration.toNanos() / 1e9);
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        current = LoadLoop.open("load-" + phase, THREADS, perSecond, total, this::connection,
                (connection, due) -> outcomes.add(send(connection, due)));
        current.awaitEnd();
        return phase(phase, perSecond, duration, outcomes);
    }

    /** Closed loop: {@code concurrency} requests outstanding at any time for {@code duration}. */
    LoadPhase closedLoop(String phase, int concurrency, Duration duration) {
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        current = LoadLoop.closed("load-" + phase, concurrency, this::connection,
                (connection, due) -> outcomes.add(send(connection, due)));
        current.closeAfter(duration);
        return phase(phase, Double.NaN, duration, outcomes);
    }

    /** Requests answered (or failed) so far, over every phase. */
    long answered() {
        return answered.get();
    }

    private static LoadPhase phase(String phase, double perSecond, Duration duration, Queue<Outcome> outcomes) {
        return new LoadPhase(phase, perSecond, duration.toNanos() / 1e9,
                outcomes.stream().sorted(Comparator.comparingLong(Outcome::intendedAt)).toList());
    }

    private HttpConnection connection() {
        return new HttpConnection(server, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    private Outcome send(HttpConnection connection, long intendedAt) {
        long n = sequence.incrementAndGet();
        String paymentId = run + "-" + n;
        try {
            HttpAnswer answer = connection.exchange(requests.payment(payment(paymentId, n)), true);
            String type = answer.problem() ? Http.JSON.readTree(answer.body()).path("type").asString(null) : null;
            return new Outcome(paymentId, intendedAt, System.nanoTime() - intendedAt, answer.status(), type, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(paymentId, intendedAt, System.nanoTime() - intendedAt, 0, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            answered.incrementAndGet();
        }
    }

    private Payment payment(String paymentId, long n) {
        return new Payment(paymentId, run + "-acc-" + n % ACCOUNTS, (n % 90 + 1) * 100 + n % 100, "m-load",
                "ECOMMERCE", null);
    }

    /** Stops the phase in progress, if any; each thread closes its connection, so none lingers on the server. */
    @Override
    public void close() {
        LoadLoop phase = current;
        if (phase != null) {
            phase.close();
        }
    }
}
