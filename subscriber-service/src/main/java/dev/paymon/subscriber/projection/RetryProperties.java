package dev.paymon.subscriber.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How consumers retry a record that failed.
 *
 * @param database   transient database failures (connection lost, lock timeout): retried until the
 *                   database is back, never dead-lettered, since the record itself is fine
 * @param processing any other failure of a decoded record: a few retries, then the dead-letter topic
 */
@ConfigurationProperties("paymon.subscriber.retry")
record RetryProperties(@DefaultValue Database database, @DefaultValue Processing processing) {

    /** Exponential back-off, each wait capped at {@code maxInterval}. */
    record Database(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval) {

        BackOff backOff() {
            ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
            backOff.setMaxInterval(maxInterval.toMillis());
            return backOff;
        }
    }

    /** A fixed wait between at most {@code maxRetries} retries. */
    record Processing(@DefaultValue("500ms") Duration interval, @DefaultValue("2") long maxRetries) {

        BackOff backOff() {
            return new FixedBackOff(interval.toMillis(), maxRetries);
        }
    }
}
