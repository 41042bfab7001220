package dev.paymon.publisher.web;

import dev.paymon.events.FieldViolation;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.publisher.kafka.KafkaUnavailableException;
import dev.paymon.support.web.ProblemTypes;
import dev.paymon.support.web.TypedProblemExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Turns every error into an RFC 9457 problem detail ({@code application/problem+json}): Spring MVC's own
 * (404, 405, 415, ...) through the base class, with a type named after their status, the publisher's below.
 * Validation problems carry {@code errors: [{field, message}]} with every bad field. Rejected requests are
 * counted by {@link RejectionReason}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends TypedProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final URI VALIDATION = ProblemTypes.of("validation");
    private static final URI MALFORMED_JSON = ProblemTypes.of("malformed-json");
    private static final URI JSON_LIMIT = ProblemTypes.of("json-limit");
    private static final URI TOO_LARGE = ProblemTypes.of("too-large");
    private static final URI KAFKA_UNAVAILABLE = ProblemTypes.of("kafka-unavailable");
    private static final URI INTERNAL = ProblemTypes.of("internal");

    private final PublisherProperties properties;
    private final MeterRegistry meters;

    ApiExceptionHandler(PublisherProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @ExceptionHandler
    ResponseEntity<Object> invalid(InvalidRequestException e, WebRequest request) {
        RejectionReason.VALIDATION.count(meters, 1);
        int count = e.violations().size();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request",
                count + (count == 1 ? " field is" : " fields are") + " invalid: " + e.violations().stream()
                        .map(FieldViolation::field).distinct().collect(Collectors.joining(", ")));
        problem.setProperty("errors", e.violations());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> malformed(MalformedJsonException e, WebRequest request) {
        RejectionReason.MALFORMED.count(meters, 1);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Malformed JSON",
                e.getMessage());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> overJsonLimit(JsonLimitException e, WebRequest request) {
        RejectionReason.JSON_LIMIT.count(meters, 1);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, JSON_LIMIT, "JSON over a limit", e.getMessage());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> tooLarge(RequestTooLargeException e, WebRequest request) {
        RejectionReason.TOO_LARGE.count(meters, 1);
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Content too large",
                e.getMessage());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> unavailable(KafkaUnavailableException e, WebRequest request) {
        log.warn("Answering 503: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfterSeconds()));
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, KAFKA_UNAVAILABLE,
                "Kafka unavailable", sentence(e.getMessage()) + " Nothing was acknowledged; retry with the same ids.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error answering {}", request.getDescription(false), e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "An unexpected error occurred; the service log has the details.");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RejectionReason.MALFORMED.count(meters, 1);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Unreadable request body",
                "The request body is missing or cannot be read.");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RejectionReason.UNSUPPORTED_MEDIA_TYPE.count(meters, 1);
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
