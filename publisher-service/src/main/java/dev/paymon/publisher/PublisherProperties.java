package dev.paymon.publisher;

import java.time.Duration;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the publisher ({@code paymon.publisher.*}); defaults are documented in {@code application.yml}.
 *
 * @param sendTimeout   how long a request may wait for Kafka (producer blocking plus broker acknowledgement)
 *                      before it is answered with 503
 * @param retryAfter    the {@code Retry-After} advice sent with a 503
 * @param baseCurrency  the currency FX rates are quoted against
 * @param maxBodySize   the largest request body accepted; larger ones get 413
 * @param maxEventTimeAhead how far a payment's {@code occurredAt} may be ahead of the publisher's clock; a later one
 *                      is refused with 400 (default 10s: clock skew between well-run hosts, no more). Tight because a
 *                      payment stamped ahead of the clock must never make other payments late: the processor caps its
 *                      watermark at its own clock and dead-letters anything beyond its own
 *                      {@code paymon.processor.max-event-time-ahead} (5m), which must stay above this value; 10s is
 *                      also well under the processor's window grace (30s)
 * @param batch         limits of the batch endpoint
 */
@ConfigurationProperties("paymon.publisher")
public record PublisherProperties(
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("EUR") String baseCurrency,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration maxEventTimeAhead,
        @DefaultValue Batch batch) {

    public PublisherProperties {
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("paymon.publisher.send-timeout must be positive, was " + sendTimeout);
        }
        if (!Currency.getAvailableCurrencies().contains(currencyOrNull(baseCurrency))) {
            throw new IllegalArgumentException("paymon.publisher.base-currency must be an ISO 4217 code, was "
                    + baseCurrency);
        }
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("paymon.publisher.max-body-size must be positive, was " + maxBodySize);
        }
        if (maxEventTimeAhead.isNegative()) {
            throw new IllegalArgumentException("paymon.publisher.max-event-time-ahead must not be negative, was "
                    + maxEventTimeAhead);
        }
    }

    private static Currency currencyOrNull(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** @param maxItems the most items one batch request may carry; more gets 413 */
    public record Batch(@DefaultValue("1000") int maxItems) {

        public Batch {
            if (maxItems < 1) {
                throw new IllegalArgumentException("paymon.publisher.batch.max-items must be at least 1, was " + maxItems);
            }
        }
    }
}
