package dev.paymon.publisher.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Why the publisher turned a request or a batch item away, counted as {@code paymon.publisher.rejected} with
 * tag {@code reason} ({@code validation}, {@code malformed}, {@code json_limit}, {@code too_large},
 * {@code unsupported_media_type}, {@code rate_limited}, {@code overloaded}, {@code key_in_flight},
 * {@code shutting_down}): one per rejected request, and one per rejected item of an otherwise accepted batch.
 */
public enum RejectionReason {
    VALIDATION, MALFORMED, JSON_LIMIT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, OVERLOADED, KEY_IN_FLIGHT,
    SHUTTING_DOWN;

    static final String METRIC = "paymon.publisher.rejected";

    public void count(MeterRegistry registry, int count) {
        if (count > 0) {
            counter(registry).increment(count);
        }
    }

    /** The counter of this reason, to keep where it is counted often. */
    public Counter counter(MeterRegistry registry) {
        return Counter.builder(METRIC)
                .description("Requests and batch items the publisher rejected, by reason")
                .tag("reason", name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
