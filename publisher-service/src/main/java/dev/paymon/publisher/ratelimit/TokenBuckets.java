package dev.paymon.publisher.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per name: each holds up to {@code burst} tokens and refills continuously at {@code perSecond}.
 * The names are those of configured API keys, so their number is bounded by the configuration.
 */
final class TokenBuckets {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests) */
    TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a token of {@code name}'s bucket.
     *
     * @return 0 when there was one; otherwise the whole seconds until there is one (at least 1), for
     *         {@code Retry-After}
     */
    long take(String name) {
        return buckets.computeIfAbsent(name, ignored -> new Bucket(burst, nanoTime.getAsLong())).take();
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
