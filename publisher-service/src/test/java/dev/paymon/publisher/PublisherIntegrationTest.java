package dev.paymon.publisher;

import dev.paymon.events.EventJson;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on a random port against the real test broker, driven over real HTTP. Every
 * integration test class against a running broker extends this, so they share one cached context. The service
 * knows the {@link TestApiKeys}; the helpers send the one with every role ({@link TestApiKeys#ALL}), and
 * {@link #management} reads the actuator on the (random) management port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "paymon.topics.partitions=3")
public abstract class PublisherIntegrationTest {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        TestApiKeys.register(registry);
    }

    protected HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, BodyPublishers.ofString(body));
    }

    protected HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    protected HttpResponse<String> put(String path, String body) {
        return send(request(path).header("Content-Type", JSON).PUT(BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    protected HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** GETs a path of the actuator on the management port, e.g. {@code /actuator/prometheus}. */
    protected HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(30)).GET());
    }

    /** A POST with neither body nor Content-Type. */
    protected HttpResponse<String> postWithoutBody(String path) {
        return send(request(path).POST(BodyPublishers.noBody()));
    }

    public static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text);
    }

    public static JsonNode json(byte[] bytes) {
        return EventJson.MAPPER.readTree(bytes);
    }

    /** A request to the API port with the all-roles key. */
    protected HttpRequest.Builder request(String path) {
        return anonymous(path).header(TestApiKeys.HEADER, TestApiKeys.ALL);
    }

    /** A request to the API port without any key. */
    protected HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
