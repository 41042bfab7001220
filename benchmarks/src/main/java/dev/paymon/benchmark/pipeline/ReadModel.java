package dev.paymon.benchmark.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriber's read model as a client sees it: how many payments {@code GET /api/v1/stats} counts as stored
 * (its running counts, exact and cheap at any size).
 */
public final class ReadModel {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI stats;
    private final String apiKey;

    /** @param subscriberUrl the subscriber's public base URL, e.g. {@code http://localhost:8083} */
    public ReadModel(String subscriberUrl, String apiKey) {
        this.stats = URI.create(subscriberUrl + "/api/v1/stats");
        this.apiKey = apiKey;
    }

    /** The payments stored in the subscriber's database ({@code payments.total}). */
    public long storedPayments() {
        HttpRequest request = HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(stats + " answered " + response.statusCode() + ": " + response.body());
            }
            return total(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stats + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + stats, e);
        }
    }

    static long total(String statsBody) {
        JsonNode total = JSON.readTree(statsBody).path("payments").path("total");
        if (!total.isIntegralNumber()) {
            throw new IllegalStateException("no payments.total in " + statsBody);
        }
        return total.asLong();
    }
}
