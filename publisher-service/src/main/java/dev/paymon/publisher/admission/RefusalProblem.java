package dev.paymon.publisher.admission;

import dev.paymon.support.web.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request the publisher did not admit: 503 (the service is full or stopping) or 429 (the caller's
 * key has its share in progress), {@code Retry-After}, and a problem detail with the same members as every other
 * problem of the service. Written straight to the response, as cheaply as possible: under overload most requests get
 * this answer.
 */
final class RefusalProblem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String type;
    private final String title;
    private final HttpStatus status;
    private final String detail;
    private final String retryAfter;

    private RefusalProblem(URI type, String title, HttpStatus status, String detail, long retryAfterSeconds) {
        this.type = type.toString();
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.retryAfter = Long.toString(retryAfterSeconds);
    }

    static RefusalProblem overloaded(int maxInFlight, long retryAfterSeconds) {
        return new RefusalProblem(ProblemTypes.of("overloaded"), "Overloaded", HttpStatus.SERVICE_UNAVAILABLE,
                "The publisher is already working on as many requests as it admits (" + maxInFlight + "). "
                + "Nothing was published; retry after " + seconds(retryAfterSeconds) + " with the same ids.",
                retryAfterSeconds);
    }

    /** 429, not 503: the service has room, this caller has used its share of it. */
    static RefusalProblem tooManyInFlight(int maxInFlightPerKey, long retryAfterSeconds) {
        return new RefusalProblem(ProblemTypes.of("too-many-in-flight"), "Too many requests in progress",
                HttpStatus.TOO_MANY_REQUESTS, "This API key already has as many publishing requests in progress as "
                + "one key may have (" + maxInFlightPerKey + "). Nothing was published; retry after "
                + seconds(retryAfterSeconds) + " with the same ids.", retryAfterSeconds);
    }

    static RefusalProblem shuttingDown(long retryAfterSeconds) {
        return new RefusalProblem(ProblemTypes.of("shutting-down"), "Shutting down", HttpStatus.SERVICE_UNAVAILABLE,
                "This publisher instance is shutting down. "
                + "Nothing was published; retry after " + seconds(retryAfterSeconds)
                + " with the same ids (another instance, or this one once restarted, will take it).",
                retryAfterSeconds);
    }

    private static String seconds(long seconds) {
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    void write(String path, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
