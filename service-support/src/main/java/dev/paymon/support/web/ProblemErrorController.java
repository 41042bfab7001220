package dev.paymon.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} page so that errors raised outside Spring MVC (by the servlet container, a filter
 * or the firewall) are problem details too, like every other error of the API. It tells only the status: never the
 * exception, its message or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value && value >= 400
                ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        problem.setType(ProblemTypes.forStatus(status));
        problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        return ResponseEntity.status(status).body(problem);
    }

    /** The path of the request that failed (not {@code /error}); {@code null} when unknown or not a valid URI. */
    private static URI instance(Object requestUri) {
        try {
            return requestUri instanceof String path ? URI.create(path) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
