package dev.paymon.subscriber.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import dev.paymon.subscriber.Http;
import dev.paymon.testing.TestApiKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A real Server-Sent Events client for tests: {@code java.net.http} streaming the response, read line by line and
 * parsed into events by a background thread as an {@code EventSource} would (fields {@code id}, {@code event},
 * {@code data}; comments counted; an event ends at a blank line).
 *
 * <p>The body is taken as an input stream rather than {@code BodyHandlers.ofLines()}: closing that line stream
 * waits for the reader's lock, held while it waits for the next line, whereas closing the input stream ends the
 * connection at once, as a client going away does.
 */
final class SseClient implements AutoCloseable {

    /** One received event; {@code id} is {@code null} for events sent without one. */
    record Event(String id, String name, String data) {

        long number() {
            return Long.parseLong(id);
        }

        JsonNode json() {
            return Http.json(data);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new ArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Thread reader;
    private final String body;
    private volatile boolean ended;
    // The event being read: its fields until the blank line that ends it.
    private String id;
    private String name;
    private StringBuilder data;

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                this.body = new String(in.readAllBytes(), UTF_8);
            }
            this.reader = null;
            this.ended = true;
            return;
        }
        this.body = null;
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Opens {@code path} (with its query) with the all-roles test key; {@code lastEventId}, if not {@code null}, as
     * the Last-Event-ID header.
     */
    static SseClient open(int port, String path, String lastEventId) {
        return open(port, path, lastEventId, TestApiKeys.ALL);
    }

    /** Opens {@code path} with the API key {@code key} ({@code null}: none). */
    static SseClient open(int port, String path, String lastEventId, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                // For the head only: a stream that never answers is a hang, not a slow stream.
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (key != null) {
            request.header(TestApiKeys.HEADER, key);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SseClient open(int port, String path) {
        return open(port, path, null);
    }

    int status() {
        return response.statusCode();
    }

    HttpHeaders headers() {
        return response.headers();
    }

    /** The body of an answer other than 200, parsed. */
    JsonNode problem() {
        return Http.json(body);
    }

    /** The events received so far, in order. */
    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events with an id received so far: the stream's own events, without control events. */
    List<Event> numbered() {
        return events().stream().filter(event -> event.id() != null).toList();
    }

    int comments() {
        return comments.get();
    }

    /** Whether the server ended the stream (or it was closed here). */
    boolean ended() {
        return ended;
    }

    /** Waits until an event matching {@code condition} was received; answers it. */
    Event awaitEvent(Predicate<Event> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> events().stream().filter(condition).findFirst().orElse(null), found -> found != null);
    }

    /** Waits until at least {@code count} events were received; answers all received. */
    List<Event> awaitEvents(int count) {
        return await().atMost(Duration.ofSeconds(30)).until(this::events, received -> received.size() >= count);
    }

    /** Drops the connection as a client going away would, and waits for the reader to finish. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                line(line);
            }
        } catch (IOException e) {
            // Closed here, or by the server: the stream ends either way.
        } finally {
            ended = true;
        }
    }

    private void line(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                synchronized (events) {
                    events.add(new Event(id, name, data.toString()));
                }
            }
            id = null;
            name = null;
            data = null;
        } else if (line.startsWith(":")) {
            comments.incrementAndGet();
        } else {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields do not matter here.
                }
            }
        }
    }
}
