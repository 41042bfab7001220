package dev.paymon.systemtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A client that stays connected to the subscriber's Server-Sent Events stream and counts the events it gets. */
final class LiveStreamClient implements AutoCloseable {

    private final InputStream body;
    private final AtomicInteger events = new AtomicInteger();

    private LiveStreamClient(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "live-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects with the system tests' API key. */
    static LiveStreamClient connect(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header(Http.API_KEY_HEADER, SystemStack.API_KEY).build();
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("stream answered " + response.statusCode());
            }
            return new LiveStreamClient(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    events.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // The stream ends here when close() cuts the connection; the count stays as it was.
        }
    }

    int events() {
        return events.get();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
