package dev.paymon.subscriber.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one reader of {@code stream_events} in this process. It tails the table in id order ({@code id > position})
 * and offers each new event to the buffers of the live clients it matches, never waiting for a client: a client
 * whose buffer overflows is dropped from the live set and told so by its sender. It reads when a projection
 * transaction that appended events commits ({@link #wake}) and every {@code poll-interval}, which also picks up
 * events committed by other instances on the same database.
 *
 * <p>Events become visible in id order (see {@link StreamEventRepository}), so {@code position}, the last id read,
 * splits the stream exactly: a client caught up to it from the database turns live under the lock, and from then
 * on gets only ids above the last one it was given, with no gap and no duplicate at the seam.
 */
@Component
class StreamHub implements SmartLifecycle {

    static final String SLOW_DISCONNECTS_METRIC = "paymon.subscriber.stream.slow.disconnects";
    static final String FAN_OUT_FAILURES_METRIC = "paymon.subscriber.stream.fan.out.failures";

    /** Starts before the web server takes requests (Boot starts it at DEFAULT_PHASE - 2048) and stops after it. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final StreamEventRepository events;
    private final StreamProperties properties;
    private final Counter slowDisconnects;
    private final MeterRegistry meters;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<StreamClient> live = new ArrayList<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile long position;
    private volatile ScheduledExecutorService tailer;

    StreamHub(StreamEventRepository events, StreamProperties properties, MeterRegistry meters) {
        this.events = events;
        this.properties = properties;
        this.slowDisconnects = Counter.builder(SLOW_DISCONNECTS_METRIC)
                .description("Stream clients disconnected because they fell more than client-buffer events behind")
                .register(meters);
        this.meters = meters;
    }

    /** The id of the last event read and handed to the live clients. */
    long position() {
        return position;
    }

    /** Reads new events soon; called after a transaction that appended events commits. Never waits. */
    void wake() {
        ScheduledExecutorService current = tailer;
        if (current != null && wakeQueued.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    wakeQueued.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                // Stopping: the clients are being disconnected anyway.
                wakeQueued.set(false);
            }
        }
    }

    /**
     * Makes {@code client} live if {@code cursor}, the last id it has seen, has reached the position; otherwise
     * the client reads on from the database and asks again.
     */
    boolean goLive(StreamClient client, long cursor) {
        lock.lock();
        try {
            if (cursor < position) {
                return false;
            }
            add(client, cursor);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@code client} live from the current position on: it gets the events read from now on. */
    void goLiveNow(StreamClient client) {
        lock.lock();
        try {
            add(client, position);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. A client closed meanwhile stays out: its {@link #remove} may have run already. */
    private void add(StreamClient client, long after) {
        if (!client.buffer().isClosed()) {
            client.liveAfter(after);
            live.add(client);
        }
    }

    void remove(StreamClient client) {
        lock.lock();
        try {
            live.remove(client);
        } finally {
            lock.unlock();
        }
    }

    /** Reads the events after the position and hands them to the live clients; on the tailer's thread. */
    void drain() {
        try {
            List<StreamEvent> page;
            do {
                page = events.after(position, StreamFilter.ALL, properties.pageSize());
                if (!page.isEmpty()) {
                    fanOut(page);
                }
            } while (page.size() == properties.pageSize());
        } catch (DataAccessException e) {
            // Clients wait; the next poll tries again (throwing would end the scheduled task for good).
            failed("database");
            log.warn("Cannot read new stream events, trying again in {}: {}", properties.pollInterval(), e.toString());
        } catch (RuntimeException e) {
            // Same: kept on the schedule, and counted so that a fan-out stuck on a bug is seen, not just logged.
            failed("unexpected");
            log.error("Fan-out of stream events failed, trying again in {}", properties.pollInterval(), e);
        }
    }

    private void failed(String cause) {
        Counter.builder(FAN_OUT_FAILURES_METRIC)
                .description("Polls of the stream outbox that failed and are retried at the next poll, by cause")
                .tag("cause", cause)
                .register(meters)
                .increment();
    }

    private void fanOut(List<StreamEvent> page) {
        lock.lock();
        try {
            for (StreamEvent event : page) {
                for (Iterator<StreamClient> clients = live.iterator(); clients.hasNext(); ) {
                    StreamClient client = clients.next();
                    if (!client.offerLive(event)) {
                        clients.remove();
                        slowDisconnects.increment();
                        log.info("Disconnecting {}: more than {} events behind", client, properties.clientBuffer());
                    }
                }
            }
            position = page.get(page.size() - 1).id();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        position = events.lastId();
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-hub");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
        tailer = started;
        log.info("Stream hub started at event {}", position);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = tailer;
        tailer = null;
        if (stopping != null) {
            ExecutorStop.stop(stopping, 5);
        }
    }

    @Override
    public boolean isRunning() {
        return tailer != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
