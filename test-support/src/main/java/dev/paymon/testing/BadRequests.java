package dev.paymon.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Sends the rows of a bad-input catalog ({@link BadRequest}) over real HTTP and checks the answer: the expected 4xx,
 * as {@code application/problem+json} with {@code type}, {@code title} and the same {@code status}, and nothing of
 * the service's insides (exception or class names, stack frames, the server's name).
 */
public final class BadRequests {

    /** What an error body must never show. */
    public static final List<String> INTERNALS = List.of("Exception", "at dev.", "at org.", "java.", "tools.jackson",
            "org.springframework", "com.fasterxml", "jakarta.", "Caused by", "`", "Tomcat", "<html");

    private static final String PROBLEM_TYPES = "https://paymon.dev/problems/";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Status, content type and body as received. */
    public record Answer(int status, String contentType, String body) {
    }

    private BadRequests() {
    }

    /** Sends the request to the service on {@code localhost:port}. */
    public static Answer send(int port, BadRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? BodyPublishers.noBody()
                        : BodyPublishers.ofByteArray(request.body()));
        if (request.key() != null) {
            http.header(TestApiKeys.HEADER, request.key());
        }
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        if (!request.headers().isEmpty()) {
            http.headers(request.headers().toArray(String[]::new));
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(http.build(), BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                // A live stream that started would never end: it is closed unread (and fails the check).
                return new Answer(response.statusCode(), contentType, contentType.startsWith("text/event-stream")
                        ? "" : new String(body.readAllBytes(), UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request and checks that it is answered with its 4xx as a problem detail that shows no internals. */
    public static void assertAnsweredWithProblem(int port, BadRequest request) {
        String sent = request.path() + " " + new String(request.body(), UTF_8);
        assertProblem(request.toString() + " (" + request.method() + " " + abbreviate(request.path()) + ", body "
                + request.bodyText() + ")", send(port, request), request.status(), sent);
    }

    /**
     * Checks that an answer is an RFC 9457 problem detail of the given 4xx status that shows no internals; a marker of
     * internals that the request itself holds ({@code sent}) may come back in the detail, quoting the bad value.
     */
    public static void assertProblem(String what, Answer answer, int status, String sent) {
        String description = what + " answered " + answer.status() + " " + answer.contentType() + " "
                + abbreviate(answer.body());
        assertThat(answer.status()).as(description).isEqualTo(status);
        assertThat(answer.contentType()).as(description).isEqualTo("application/problem+json");
        JsonNode problem = EventJson.MAPPER.readTree(answer.body());
        assertThat(problem.path("type").asString("")).as(description).startsWith(PROBLEM_TYPES);
        assertThat(problem.path("title").asString("")).as(description).isNotBlank();
        assertThat(problem.path("status").asInt()).as(description).isEqualTo(status);
        assertThat(answer.body()).as(description)
                .doesNotContain(INTERNALS.stream().filter(internal -> !sent.contains(internal)).toList());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
