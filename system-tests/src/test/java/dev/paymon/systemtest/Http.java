package dev.paymon.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the services' JSON APIs. The static calls send the system tests' API key
 * ({@link SystemStack#API_KEY}, every role); {@link #as(String)} and {@link #anonymous()} send another key or none.
 */
public final class Http {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Status and parsed JSON body (null when the body is empty or not JSON, e.g. Prometheus' text format). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    /** Calls with one API key, or none when {@code apiKey} is null. */
    public record Client(String apiKey) {

        public Answer get(String url) {
            return send(request(url).GET());
        }

        public Answer post(String url, String json) {
            return send(request(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        public Answer delete(String url) {
            return send(request(url).DELETE());
        }

        public Answer put(String url, String json) {
            return send(request(url).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpRequest.Builder request(String url) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            return apiKey == null ? request : request.header(API_KEY_HEADER, apiKey);
        }
    }

    private Http() {
    }

    public static Client as(String apiKey) {
        return new Client(apiKey);
    }

    /** No API key: for Prometheus, the public health endpoints, and to see a service refuse. */
    public static Client anonymous() {
        return new Client(null);
    }

    public static Answer get(String url) {
        return as(SystemStack.API_KEY).get(url);
    }

    public static Answer post(String url, String json) {
        return as(SystemStack.API_KEY).post(url, json);
    }

    public static Answer delete(String url) {
        return as(SystemStack.API_KEY).delete(url);
    }

    public static Answer put(String url, String json) {
        return as(SystemStack.API_KEY).put(url, json);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(response.statusCode(), json && !body.isBlank() ? JSON.readTree(body) : null, response);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
