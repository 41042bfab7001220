package dev.paymon.subscriber;

import dev.paymon.testing.TestApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for tests: GET or POST a path, answer status, content type and parsed JSON body. By default it
 * sends the test key with every role ({@link TestApiKeys#ALL}); {@link #withKey}, {@link #withBearer} and
 * {@link #anonymous} send another key, as a bearer token, or none.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** An answer; {@code body} is the parsed JSON (or {@code null} for another content type), {@code text} as sent. */
    public record Answer(int status, String contentType, JsonNode body, HttpHeaders headers, String text) {

        /** The first value of the header, or {@code null}. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final List<String> headers;

    /** A client of the API on {@code port} with the all-roles key. */
    public Http(int port) {
        this(port, List.of(TestApiKeys.HEADER, TestApiKeys.ALL));
    }

    private Http(int port, List<String> headers) {
        this.baseUrl = "http://localhost:" + port;
        this.headers = headers;
    }

    /** Sends {@code key} as {@code X-API-Key}. */
    public static Http withKey(int port, String key) {
        return new Http(port, List.of(TestApiKeys.HEADER, key));
    }

    /** Sends {@code key} as {@code Authorization: Bearer <key>}. */
    public static Http withBearer(int port, String key) {
        return new Http(port, List.of("Authorization", "Bearer " + key));
    }

    /** Sends no key: for the public endpoints, the management port and refused calls. */
    public static Http anonymous(int port) {
        return new Http(port, List.of());
    }

    public Answer get(String path) {
        return send("GET", path);
    }

    /** POSTs without a body. */
    public Answer post(String path) {
        return send("POST", path);
    }

    /** Any method, without a body. */
    public Answer send(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), contentType,
                    body.isEmpty() || !contentType.contains("json") ? null : JSON.readTree(body), response.headers(),
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
