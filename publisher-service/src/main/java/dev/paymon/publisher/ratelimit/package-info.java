/**
 * The per-key rate limit of {@code /api/v1} ({@link RateLimitProperties}, off by default): a token bucket per API key
 * name, from which each request takes a token before its body is parsed; a request that finds none gets 429 with
 * {@code Retry-After}.
 */
package dev.paymon.publisher.ratelimit;
