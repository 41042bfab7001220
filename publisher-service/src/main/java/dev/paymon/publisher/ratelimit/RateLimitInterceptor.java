package dev.paymon.publisher.ratelimit;

import dev.paymon.publisher.web.RejectionReason;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Takes a token of the calling key's bucket before a request is handled (so before its body is parsed), and
 * refuses it with 429 when there is none, counted as {@code paymon.publisher.rejected{reason="rate_limited"}}.
 * The key is the one Spring Security authenticated (its name); every {@code /api/v1} request has one.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final TokenBuckets buckets;
    private final MeterRegistry meters;

    RateLimitInterceptor(TokenBuckets buckets, MeterRegistry meters) {
        this.buckets = buckets;
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Principal key = request.getUserPrincipal();
        if (key == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        long retryAfter = buckets.take(key.getName());
        if (retryAfter > 0) {
            RejectionReason.RATE_LIMITED.count(meters, 1);
            throw new RateLimitedException(retryAfter);
        }
        return true;
    }
}
