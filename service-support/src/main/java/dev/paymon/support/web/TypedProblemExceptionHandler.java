package dev.paymon.support.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Base of a service's {@code @RestControllerAdvice}: answers Spring MVC's own errors (404, 405, 415, ...) as
 * RFC 9457 problem details like {@link ResponseEntityExceptionHandler}, and gives every problem without a type
 * ({@code about:blank}) one named after its status ({@link ProblemTypes#forStatus}), so that clients can tell
 * problems apart by {@code type} alone.
 */
public abstract class TypedProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(ProblemTypes.forStatus(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
