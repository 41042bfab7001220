package dev.paymon.publisher.ratelimit;

import dev.paymon.support.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A key sent more requests than its rate limit allows: a 429 problem with {@code Retry-After}. */
final class RateLimitedException extends ErrorResponseException {

    RateLimitedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfterSeconds), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "This API key sent more requests than its rate limit allows; retry after " + retryAfterSeconds
                        + (retryAfterSeconds == 1 ? " second." : " seconds."));
        problem.setType(ProblemTypes.of("rate-limited"));
        problem.setTitle("Rate limit exceeded");
        return problem;
    }
}
