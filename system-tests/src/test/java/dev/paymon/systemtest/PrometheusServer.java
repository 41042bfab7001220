package dev.paymon.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH, e.g. the Debian package) as a
 * child process with its storage under {@code target/}, and the parts of its HTTP API the tests use.
 *
 * <p>Without the binary the calling test is skipped with a visible message, unless
 * {@code paymon.require-prometheus=true} (set by CI), in which case it fails.
 */
final class PrometheusServer implements AutoCloseable {

    static final String REQUIRE_PROPERTY = "paymon.require-prometheus";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final String url;

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.url = "http://127.0.0.1:" + port;
    }

    /** The {@code prometheus} binary, or a skipped (or, with {@value #REQUIRE_PROPERTY}, failed) test. */
    static Path requireBinary() {
        return requireBinary("prometheus");
    }

    /** A binary of the Prometheus package ({@code prometheus}, {@code promtool}) on the PATH, as {@link #requireBinary()}. */
    static Path requireBinary(String name) {
        Optional<Path> binary = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (binary.isPresent()) {
            return binary.get();
        }
        String message = "no " + name + " binary on the PATH (install it: apt-get install -y prometheus)";
        if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
            throw new IllegalStateException(message + " and " + REQUIRE_PROPERTY + "=true");
        }
        System.err.println("SKIPPED: " + message + "; tests that need it are skipped");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Starts Prometheus on {@code config} and waits until it is ready. */
    static PrometheusServer start(Path binary, Path config, Path dataDir, int port) {
        Path log = dataDir.resolve("prometheus.log");
        try {
            Process process = new ProcessBuilder(List.of(binary.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dataDir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + port))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, log, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private void awaitReady() {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("prometheus exited with " + process.exitValue() + ":\n"
                                    + Files.readString(log));
                        }
                        return ready();
                    });
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    /** {@code /-/ready} answers 200 (in plain text) once the server serves queries. */
    private boolean ready() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(5)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** The answer of an instant query: {@code data.result} on success, {@code error} otherwise. */
    record QueryResult(boolean success, String error, int series) {
    }

    QueryResult query(String expression) {
        Http.Answer answer = Http.anonymous().get(url + "/api/v1/query?query="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        JsonNode body = answer.body();
        if (body == null || !"success".equals(body.path("status").asString())) {
            return new QueryResult(false, body == null ? "HTTP " + answer.status() : body.path("error").asString(), 0);
        }
        return new QueryResult(true, null, body.path("data").path("result").size());
    }

    /** {@code /api/v1/rules}: the rule groups as loaded and last evaluated. */
    JsonNode rules() {
        return Http.anonymous().get(url + "/api/v1/rules").body().path("data");
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
