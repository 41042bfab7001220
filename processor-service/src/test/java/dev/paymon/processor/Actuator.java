package dev.paymon.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;

/** The running service's actuator endpoints, over real HTTP (on the management port, or the public one). */
record Actuator(String baseUrl) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Actuator onPort(String port) {
        return new Actuator("http://localhost:" + port + "/actuator");
    }

    /** Status of one health component, e.g. {@code UP}. */
    String healthOf(String component) {
        return JsonMapper.shared().readTree(get("/health").body())
                .path("components").path(component).path("status").asString();
    }

    HttpResponse<String> get(String path) {
        return send("GET", path);
    }

    HttpResponse<String> send(String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
