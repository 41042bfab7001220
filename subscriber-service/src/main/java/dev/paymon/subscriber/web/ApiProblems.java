package dev.paymon.subscriber.web;

import dev.paymon.events.FieldViolation;
import dev.paymon.subscriber.projection.FailureTriage;
import dev.paymon.support.web.ProblemTypes;
import dev.paymon.support.web.TypedProblemExceptionHandler;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every API error as an RFC 9457 problem with a {@code type}: Spring's own problems (404, 405, ...)
 * get one named after their status, bad query parameters a 400 with {@code errors: [{field, message}]}
 * listing every bad one, and a database that cannot answer is a 503 the client may retry.
 */
@RestControllerAdvice
class ApiProblems extends TypedProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final URI DATABASE_UNAVAILABLE = ProblemTypes.of("database-unavailable");
    private static final URI VALIDATION = ProblemTypes.of("validation");
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> invalid(InvalidQueryException e, WebRequest request) {
        int count = e.violations().size();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                count + (count == 1 ? " parameter is" : " parameters are") + " invalid: " + e.violations().stream()
                        .map(FieldViolation::field).distinct().collect(Collectors.joining(", ")));
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.violations());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A query that failed: 503 with {@code Retry-After} when the database is away, else 500 without internals. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (!FailureTriage.isDatabaseFault(e)) {
            log.error("Query failed", e);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The query failed; the error is logged.");
            return handleExceptionInternal(e, problem, headers, HttpStatus.INTERNAL_SERVER_ERROR, request);
        }
        log.warn("Database unavailable: {}", FailureTriage.rootCause(e).toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not answering; try again shortly.");
        problem.setType(DATABASE_UNAVAILABLE);
        problem.setTitle("Database unavailable");
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
}
