package dev.paymon.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Load threads, each with its own kept-alive {@link HttpConnection}, sending requests in a loop:
 *
 * <ul>
 *   <li>open ({@link #open}, as wrk2): request n is due at {@code start + n / rate}, whatever became of the earlier
 *       ones; the next free thread takes it, waits for its time and sends it. A request due while every thread is
 *       busy waits for one, and as its due time is what the {@link Sender} is given, a stall counts fully for every
 *       request it delayed (no coordinated omission);</li>
 *   <li>closed ({@link #closed}): each thread sends its next request as soon as the last one is answered, so as many
 *       requests as threads are outstanding at all times; this finds the throughput at that many.</li>
 * </ul>
 *
 * What a request is and what is counted of its answer is the sender's. A loop runs until {@link #close() closed},
 * or an open one with a number of requests until it has sent them all ({@link #awaitEnd()}).
 */
public final class LoadLoop implements AutoCloseable {

    /** Sends one request over a load thread's connection and records what came of it. */
    @FunctionalInterface
    public interface Sender {

        /**
         * @param dueNanos when the request was due ({@link System#nanoTime()}): in an open loop its place in the
         *                 schedule, not when it could be sent; in a closed loop, now
         */
        void send(HttpConnection connection, long dueNanos);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;

    private LoadLoop() {
    }

    /** {@code perSecond} requests a second over {@code threads} threads, until closed. */
    public static LoadLoop open(String name, int threads, double perSecond, Supplier<HttpConnection> connections,
                                Sender sender) {
        return open(name, threads, perSecond, Long.MAX_VALUE, connections, sender);
    }

    /** {@code perSecond} requests a second over {@code threads} threads, {@code requests} in all (or until closed). */
    public static LoadLoop open(String name, int threads, double perSecond, long requests,
                                Supplier<HttpConnection> connections, Sender sender) {
        LoadLoop loop = new LoadLoop();
        double intervalNanos = 1e9 / perSecond;
        loop.start(name, threads, connections, connection -> {
            for (long n = loop.next.getAndIncrement(); loop.running && n < requests; n = loop.next.getAndIncrement()) {
                long due = loop.startNanos + (long) (n * intervalNanos);
                long wait;
                while (loop.running && (wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (loop.running) {
                    sender.send(connection, due);
                }
            }
        });
        return loop;
    }

    /** {@code threads} requests outstanding at all times, until closed. */
    public static LoadLoop closed(String name, int threads, Supplier<HttpConnection> connections, Sender sender) {
        LoadLoop loop = new LoadLoop();
        loop.start(name, threads, connections, connection -> {
            while (loop.running) {
                sender.send(connection, System.nanoTime());
            }
        });
        return loop;
    }

    private void start(String name, int count, Supplier<HttpConnection> connections, Consumer<HttpConnection> work) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                try (HttpConnection connection = connections.get()) {
                    work.accept(connection);
                }
            }, name + "-" + i);
            // Never keeps the JVM alive, should a caller fail before closing the loop.
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Waits until every thread has ended: an open loop has sent all its requests and had their answers. */
    public void awaitEnd() {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lets the loop run for {@code duration}, then closes it. */
    public void closeAfter(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long wait;
        while ((wait = end - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
        close();
    }

    /**
     * Stops sending and waits for the requests in flight; each ends within its connection's timeouts. A thread
     * waiting for a request's due time leaves without sending it.
     */
    @Override
    public void close() {
        running = false;
        threads.forEach(LockSupport::unpark);
        awaitEnd();
    }
}
