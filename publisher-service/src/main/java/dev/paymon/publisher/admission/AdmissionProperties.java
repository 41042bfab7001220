package dev.paymon.publisher.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The publisher's admission control ({@code paymon.publisher.admission.*}) on its publishing requests
 * ({@code POST /api/v1/payments[/batch]}, {@code PUT /api/v1/accounts/*}, {@code PUT /api/v1/fx-rates/*}): how many
 * it works on at once (in all and per API key), and how it stops taking them on shutdown. A request it does not admit
 * is answered at once with 503 (429 when its key has its share in progress) and {@code Retry-After} instead of waiting
 * behind the others, so above capacity neither the answer time of admitted requests nor the memory they hold grows
 * without bound.
 *
 * @param maxInFlight requests admitted at once, from their arrival to their answer (default 32). Measured on a 2-core
 *                    machine with the local broker: throughput stops growing at about 16 requests at once, while the
 *                    answer time grows with every one more; 32 leaves room for a slower, replicated broker. By
 *                    Little's law it should be about the target rate times the acknowledged answer time (for
 *                    example 1,000/s at 20 ms: 20)
 * @param maxInFlightPerKey of those, how many may present the same API key (default 16, at least 1, at most
 *                    {@code maxInFlight}); one more gets 429 at once. Without it, one client sending its bodies slowly
 *                    on {@code maxInFlight} connections would hold every slot, and every other client would get 503.
 *                    16 is where throughput stopped growing in the measurement above, so one client can still drive
 *                    the service at full speed, and half of the default 32 slots stay for the others. Lowering
 *                    {@code maxInFlight} below it needs this lowered too (the service does not start otherwise).
 *                    Requests without a key share one such allowance
 * @param retryAfter  the {@code Retry-After} advice of those 503 and 429 answers (default 1s: overload passes
 *                    quickly, unlike a lost broker, which has {@code paymon.publisher.retry-after})
 * @param drain       on shutdown, how long new requests are answered with 503 before the web server stops accepting
 *                    connections (and at least until the requests in progress are answered); default 1s
 */
@ConfigurationProperties("paymon.publisher.admission")
public record AdmissionProperties(
        @DefaultValue("32") int maxInFlight,
        @DefaultValue("16") int maxInFlightPerKey,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("1s") Duration drain) {

    public AdmissionProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("paymon.publisher.admission.max-in-flight must be at least 1, was "
                    + maxInFlight);
        }
        if (maxInFlightPerKey < 1 || maxInFlightPerKey > maxInFlight) {
            throw new IllegalArgumentException("paymon.publisher.admission.max-in-flight-per-key must be at least 1 "
                    + "and at most max-in-flight (" + maxInFlight + "), was " + maxInFlightPerKey);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("paymon.publisher.admission.retry-after must be positive, was "
                    + retryAfter);
        }
        if (drain.isNegative()) {
            throw new IllegalArgumentException("paymon.publisher.admission.drain must not be negative, was " + drain);
        }
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
