package dev.paymon.benchmark.load;

import dev.paymon.load.HttpAnswer;
import dev.paymon.load.HttpConnection;
import dev.paymon.load.LoadLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A load run in progress: the requests of a {@link RequestSource} sent by a {@link LoadLoop} (one thread per
 * connection, each with its own keep-alive {@link HttpConnection}), counted and timed in HdrHistogram.
 *
 * <ul>
 *   <li>Closed loop ({@link #closed}): each connection sends its next request as soon as the last one is answered;
 *       this finds the throughput at that many connections.</li>
 *   <li>Open loop ({@link #open}, as wrk2): requests are due at a constant total rate; a request's latency is
 *       measured from the time it was due, not from when it could be sent, so a stall counts fully for every
 *       request it delayed (no coordinated omission).</li>
 * </ul>
 *
 * Measurements are the differences between {@link #snapshot() snapshots} taken while the run goes on; then it is
 * {@link #close() closed}.
 */
public final class LoadRun implements AutoCloseable {

    /** Longer than any answer can take (the publisher's send timeout is 5 s). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final RequestSource source;
    private final LongAdder successful = new LongAdder();
    private final LongAdder unsuccessful = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final Recorder latencies = new Recorder(MAX_LATENCY_NANOS, 3);
    private final Histogram interval = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram allLatencies = new Histogram(MAX_LATENCY_NANOS, 3);
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    private final LoadLoop loop;
    private volatile String lastError;

    private LoadRun(RequestSource source, Function<LoadLoop.Sender, LoadLoop> start) {
        this.source = source;
        this.loop = start.apply(this::send);
    }

    /** {@code connections} requests outstanding at all times. */
    public static LoadRun closed(String name, InetSocketAddress server, RequestSource source, int connections) {
        return new LoadRun(source, sender -> LoadLoop.closed(name, connections, connections(server), sender));
    }

    /** {@code perSecond} requests a second in total over {@code connections} connections. */
    public static LoadRun open(String name, InetSocketAddress server, RequestSource source, double perSecond,
                               int connections) {
        return new LoadRun(source,
                sender -> LoadLoop.open(name, connections, perSecond, connections(server), sender));
    }

    private static Supplier<HttpConnection> connections(InetSocketAddress server) {
        return () -> new HttpConnection(server, REQUEST_TIMEOUT);
    }

    private void send(HttpConnection connection, long dueNanos) {
        Request request = source.create(startEpochMillis + (dueNanos - startNanos) / 1_000_000);
        try {
            HttpAnswer answer = connection.exchange(request.bytes(), source.needsBody());
            if (answer.successful()) {
                successful.increment();
                events.add(source.accepted(request, answer));
            } else {
                unsuccessful.increment();
            }
        } catch (IOException | RuntimeException e) {
            failed.increment();
            lastError = e.toString();
        }
        latencies.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, System.nanoTime() - dueNanos)));
    }

    /** The counts and latencies so far. */
    public synchronized Snapshot snapshot() {
        latencies.getIntervalHistogramInto(interval);
        allLatencies.add(interval);
        return new Snapshot(System.nanoTime(), successful.sum(), unsuccessful.sum(), failed.sum(), events.sum(),
                allLatencies.copy());
    }

    /** The last error a request met, or null. */
    public String lastError() {
        return lastError;
    }

    /** Stops sending and waits for the requests in flight. */
    @Override
    public void close() {
        loop.close();
    }

    /** Cumulative counts and latencies at one moment. */
    public record Snapshot(long nanos, long successful, long unsuccessful, long failed, long events,
                           Histogram latencies) {

        /** What happened from {@code earlier} to this snapshot. */
        public Measurement since(Snapshot earlier) {
            Histogram between = latencies.copy();
            between.subtract(earlier.latencies);
            return new Measurement((nanos - earlier.nanos) / 1e9, successful - earlier.successful,
                    unsuccessful - earlier.unsuccessful, failed - earlier.failed, events - earlier.events,
                    between);
        }
    }
}
