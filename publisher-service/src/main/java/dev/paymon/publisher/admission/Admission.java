package dev.paymon.publisher.admission;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who may start a publishing request: at most {@code max} at once, at most {@code maxPerKey} of them presenting the
 * same API key, and nobody once the service is draining for shutdown. Entering never waits.
 *
 * <p>The checks run in that order: draining, the global limit, then the key's. The global one first because under
 * overload most requests are turned away by it, with one semaphore operation and without touching the map of keys;
 * and because then a key has an entry only while it holds a global slot, so the map never has more than {@code max}
 * entries, whatever keys arrive (the key is read before authentication, so anybody can send any value). The price:
 * a request over its key's limit holds a global slot for the moment of its check, and a key that is over its limit
 * while the service is full hears 503 {@code overloaded} rather than 429.
 *
 * <p>A key is the raw value the client presented, compared as it is, without hashing or authenticating it; all
 * requests without one ({@code null}, or empty) share a single count. That is enough for what the per-key limit is
 * for: a client holding its slots with slow requests cannot take all of them from the others. It is no defence
 * against a client varying the value, which only the global limit bounds.
 */
final class Admission {

    /** Whether a request may go ahead, and if not, why. */
    enum Verdict { ADMITTED, OVERLOADED, KEY_LIMIT, SHUTTING_DOWN }

    /** The count of requests without a key (an empty key counts as none). */
    private static final String NO_KEY = "";

    private final int max;
    private final int maxPerKey;
    private final Semaphore permits;
    /** Requests in progress by key; a key is here only while it has one in progress. */
    private final ConcurrentHashMap<String, Integer> perKey = new ConcurrentHashMap<>();
    private volatile boolean draining;

    Admission(int max, int maxPerKey) {
        if (maxPerKey < 1 || maxPerKey > max) {
            throw new IllegalArgumentException("maxPerKey must be 1 to " + max + ", was " + maxPerKey);
        }
        this.max = max;
        this.maxPerKey = maxPerKey;
        this.permits = new Semaphore(max);
    }

    /** On {@link Verdict#ADMITTED}, {@link #leave(String)} with the same key must follow, once. */
    Verdict tryEnter(String key) {
        if (draining) {
            return Verdict.SHUTTING_DOWN;
        }
        if (!permits.tryAcquire()) {
            return Verdict.OVERLOADED;
        }
        if (!enterKey(bucket(key))) {
            permits.release();
            return Verdict.KEY_LIMIT;
        }
        return Verdict.ADMITTED;
    }

    void leave(String key) {
        // Removes the entry when its last request leaves, so the map holds only keys with requests in progress.
        perKey.computeIfPresent(bucket(key), (k, held) -> held == 1 ? null : held - 1);
        permits.release();
    }

    private boolean enterKey(String key) {
        boolean[] admitted = {false};
        // compute is atomic for the key: the count never passes the limit, and a key's entry never vanishes between
        // another request reading it and counting itself in.
        perKey.compute(key, (k, held) -> {
            int count = held == null ? 0 : held;
            if (count >= maxPerKey) {
                return held;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    private static String bucket(String key) {
        return key == null ? NO_KEY : key;
    }

    /** Admits nobody from now on, and waits up to {@code timeout} for the requests in progress to end. */
    boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        if (!permits.tryAcquire(max, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        permits.release(max);
        return true;
    }

    /** Admits requests (again). */
    void open() {
        draining = false;
    }

    int inFlight() {
        return max - permits.availablePermits();
    }

    /** Requests of this key (or, for {@code null}, without a key) in progress. */
    int inFlight(String key) {
        return perKey.getOrDefault(bucket(key), 0);
    }

    /** Keys with requests in progress. */
    int keys() {
        return perKey.size();
    }

    int max() {
        return max;
    }

    int maxPerKey() {
        return maxPerKey;
    }
}
