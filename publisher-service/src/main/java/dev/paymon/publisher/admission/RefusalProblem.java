package dev.paymon.publisher.admission;

import dev.paymon.support.web.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request the publisher did not admit: 503, {@code Retry-After}, and a problem detail with the
 * same members as every other problem of the service. Written straight to the response, as cheaply as possible:
 * under overload most requests get this answer.
 */
final class RefusalProblem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String type;
    private final String title;
    private final String detail;
    private final String retryAfter;

    private RefusalProblem(String type, String title, String detail, long retryAfterSeconds) {
        this.type = ProblemTypes.of(type).toString();
        this.title = title;
        this.detail = detail;
        this.retryAfter = Long.toString(retryAfterSeconds);
    }

    static RefusalProblem overloaded(int maxInFlight, long retryAfterSeconds) {
        return new RefusalProblem("overloaded", "Overloaded", "The publisher is already working on as many requests "
                + "as it admits (" + maxInFlight + "). Nothing was published; retry after " + seconds(retryAfterSeconds)
                + " with the same ids.", retryAfterSeconds);
    }

    static RefusalProblem shuttingDown(long retryAfterSeconds) {
        return new RefusalProblem("shutting-down", "Shutting down", "This publisher instance is shutting down. "
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
        problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
