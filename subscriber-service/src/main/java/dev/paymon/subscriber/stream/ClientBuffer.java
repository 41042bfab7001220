package dev.paymon.subscriber.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the hub and one client's sender. The hub {@link #offer offers} without ever
 * waiting; an offer beyond the capacity marks the buffer overflowed instead, and the sender, woken, learns
 * that its client fell too far behind. {@link #close} wakes it for good.
 */
final class ClientBuffer {

    /** What the sender is to do next. */
    enum Signal {
        /** Send {@link Next#event()}. */
        EVENT,
        /** Nothing arrived in time: send a heartbeat. */
        IDLE,
        /** The client fell more than the capacity behind: disconnect it. */
        OVERFLOWED,
        /** The connection is over. */
        CLOSED
    }

    record Next(Signal signal, StreamEvent event) {
    }

    private static final Next IDLE = new Next(Signal.IDLE, null);
    private static final Next OVERFLOWED = new Next(Signal.OVERFLOWED, null);
    private static final Next CLOSED = new Next(Signal.CLOSED, null);

    private final int capacity;
    private final ArrayDeque<StreamEvent> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean overflowed;
    private boolean closed;

    ClientBuffer(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Queues {@code event}, or drops it once the buffer is closed or overflowed. {@code false} only for the
     * offer that found the buffer full and overflowed it.
     */
    boolean offer(StreamEvent event) {
        lock.lock();
        try {
            if (closed || overflowed) {
                return true;
            }
            if (events.size() >= capacity) {
                overflowed = true;
                events.clear();
                changed.signal();
                return false;
            }
            events.add(event);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            events.clear();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The next thing to do, waiting up to {@code idle} for an event. */
    Next next(Duration idle) throws InterruptedException {
        long nanos = idle.toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return CLOSED;
                }
                if (overflowed) {
                    return OVERFLOWED;
                }
                if (!events.isEmpty()) {
                    return new Next(Signal.EVENT, events.poll());
                }
                if (nanos <= 0) {
                    return IDLE;
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
