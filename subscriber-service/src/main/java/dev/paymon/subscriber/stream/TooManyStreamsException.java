package dev.paymon.subscriber.stream;

import dev.paymon.support.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An API key has as many streams open as it may: a 429 problem with {@code Retry-After}. */
final class TooManyStreamsException extends ErrorResponseException {

    private static final String RETRY_AFTER_SECONDS = "5";

    TooManyStreamsException(int maxClientsPerKey) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(maxClientsPerKey), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem(int maxClientsPerKey) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "This API key has "
                + maxClientsPerKey + " streams open, as many as one key may; close one or try again shortly.");
        problem.setType(ProblemTypes.of("too-many-streams"));
        problem.setTitle("Too many streams");
        return problem;
    }
}
