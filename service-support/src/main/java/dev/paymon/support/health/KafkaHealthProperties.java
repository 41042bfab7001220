package dev.paymon.support.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@code kafka} health component asks the cluster ({@code paymon.health.kafka.*}).
 *
 * @param timeout  how long one check waits for the cluster's answer (default 2s); no answer is DOWN
 * @param cacheFor how long an answer is reused (default 5s), so that frequent probes do not each ask the cluster
 */
@ConfigurationProperties("paymon.health.kafka")
public record KafkaHealthProperties(
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("5s") Duration cacheFor) {

    public KafkaHealthProperties {
        if (timeout.isNegative() || timeout.isZero() || cacheFor.isNegative()) {
            throw new IllegalArgumentException("paymon.health.kafka.timeout must be positive, cache-for not negative");
        }
    }
}
