package dev.paymon.subscriber.stream;

import dev.paymon.support.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The stream takes no more clients for now: a 503 problem with {@code Retry-After}. */
final class StreamUnavailableException extends ErrorResponseException {

    private static final String RETRY_AFTER_SECONDS = "5";

    private StreamUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    static StreamUnavailableException full(int maxClients) {
        return new StreamUnavailableException("The stream serves at most " + maxClients
                + " clients at once; try again shortly.");
    }

    static StreamUnavailableException stopping() {
        return new StreamUnavailableException("The stream takes no clients while the service starts or stops;"
                + " try again shortly.");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(ProblemTypes.of("stream-unavailable"));
        problem.setTitle("Stream unavailable");
        return problem;
    }
}
