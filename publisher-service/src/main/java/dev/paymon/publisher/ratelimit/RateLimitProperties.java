package dev.paymon.publisher.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-key rate limit of the publisher's API ({@code paymon.publisher.rate-limit.*}): a token bucket per API
 * key name that holds up to {@code burst} requests and refills at {@code requestsPerSecond}. Every {@code /api/v1}
 * request takes one token; a batch is one request, whatever its number of items (the batch size has its own limit).
 *
 * @param enabled           whether the limit applies (default false: a local run and the tests send as fast as
 *                          they like)
 * @param requestsPerSecond the sustained rate a key may send (default 50)
 * @param burst             the requests a key may send at once after a pause (default 100)
 */
@ConfigurationProperties("paymon.publisher.rate-limit")
public record RateLimitProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("50") double requestsPerSecond,
        @DefaultValue("100") int burst) {

    public RateLimitProperties {
        if (!(requestsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("paymon.publisher.rate-limit.requests-per-second must be positive and "
                    + "burst at least 1, were " + requestsPerSecond + " and " + burst);
        }
    }
}
