package dev.paymon.subscriber.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected client of the stream and its sender, the only thread that writes to its connection, so a slow
 * client holds up no one else. A client resuming after {@code Last-Event-ID} first gets the missed events from the
 * database, page by page, until it has caught up with the hub; then it turns live and sends what the hub puts in
 * its {@link ClientBuffer}, with a heartbeat comment whenever the stream is idle for {@code heartbeat}.
 *
 * <p>Besides the events with ids it may get two control events without an id (so that an {@code EventSource}'s
 * last event id stays that of the last real event): {@code horizon-exceeded} when events it asked for were pruned,
 * and {@code disconnected} before the stream ends because it fell too far behind.
 */
final class StreamClient implements Runnable {

    static final String HORIZON_EXCEEDED = "horizon-exceeded";
    static final String DISCONNECTED = "disconnected";

    private static final Logger log = LoggerFactory.getLogger(StreamClient.class);
    // Event data is JSON already: written as it is, in UTF-8.
    private static final MediaType AS_IS = new MediaType("text", "plain", UTF_8);
    private static final AtomicLong IDS = new AtomicLong();

    /** Data of {@code horizon-exceeded}: the events from the one after {@code lastEventId} up to the oldest kept are gone. */
    record HorizonExceeded(long lastEventId, long oldestAvailableId) {
    }

    /** Data of {@code disconnected}: reconnect with {@code Last-Event-ID: lastEventId} to lose nothing. */
    record Disconnected(String reason, long lastEventId) {
    }

    private final long number = IDS.incrementAndGet();
    // No timeout: the stream lasts as long as the client stays; heartbeats find connections that died.
    private final SseEmitter emitter = new SseEmitter(0L);
    private final StreamFilter filter;
    private final OptionalLong resumeAfter;
    private final ClientBuffer buffer;
    private final StreamHub hub;
    private final StreamEventRepository events;
    private final StreamProperties properties;
    private final Counter sent;
    private final Consumer<StreamClient> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Guarded by the hub's lock.
    private long lastQueued;
    // The last event written to the connection, or where the client started; the sender's own.
    private volatile long lastSent;

    /**
     * @param resumeAfter the client's {@code Last-Event-ID}; empty for live events only
     * @param onClose     called once when the connection ends, for whatever reason
     */
    StreamClient(StreamFilter filter, OptionalLong resumeAfter, StreamHub hub, StreamEventRepository events,
                 StreamProperties properties, Counter sent, Consumer<StreamClient> onClose) {
        this.filter = filter;
        this.resumeAfter = resumeAfter;
        this.buffer = new ClientBuffer(properties.clientBuffer());
        this.hub = hub;
        this.events = events;
        this.properties = properties;
        this.sent = sent;
        this.onClose = onClose;
        this.lastSent = resumeAfter.orElse(0);
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** What the hub queued for the sender. */
    ClientBuffer buffer() {
        return buffer;
    }

    /** Called by the hub under its lock when the client turns live: it gets the events after {@code id}. */
    void liveAfter(long id) {
        lastQueued = id;
        if (resumeAfter.isEmpty()) {
            lastSent = id;
        }
    }

    /**
     * Called by the hub under its lock: queues {@code event} if the client wants it and has not had it.
     * {@code false} when the buffer overflowed, so the client is no longer live.
     */
    boolean offerLive(StreamEvent event) {
        if (event.id() <= lastQueued || !filter.matches(event)) {
            return true;
        }
        lastQueued = event.id();
        return buffer.offer(event);
    }

    /**
     * Queues the stream's first line, a comment, before the emitter is handed to Spring MVC, which writes it and
     * commits the response on the request's own thread. Committed by the sender instead, the head would be written
     * while the security filters on the request thread still add their headers (Tomcat's headers are not
     * thread-safe: the request broke and the client never got an answer). The line also shows the client the
     * stream open before any event or heartbeat: an idle live stream would look like a hanging request.
     */
    void greet() {
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            // Not sent yet, only queued: nothing to write to can have failed.
            throw new UncheckedIOException("Cannot queue the first line of " + this, e);
        }
    }

    /** Ends the connection: frees the client's place and stops its sender, which completes the response. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            buffer.close();
            onClose.accept(this);
        }
    }

    @Override
    public void run() {
        try {
            if (resumeAfter.isPresent() && !catchUp(resumeAfter.getAsLong())) {
                emitter.complete();
                return;
            }
            forward();
        } catch (IOException e) {
            // The client went away; the container reports it to the emitter as well.
            log.debug("{} gone: {}", this, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (DataAccessException e) {
            // Ending the stream is the answer: the client reconnects and resumes from its last event.
            log.warn("Ending {}: cannot read stream events: {}", this, e.toString());
            emitter.complete();
        } catch (IllegalStateException e) {
            if (!closed.get()) {
                throw e;
            }
            // The response ended (the client went away) while an event was being sent.
            log.debug("{} ended while sending: {}", this, e.toString());
        } finally {
            close();
        }
    }

    /**
     * Sends the matching events after {@code after} from the database until the client has caught up with the
     * hub, then makes it live. {@code false} when the connection closed meanwhile.
     */
    private boolean catchUp(long after) throws IOException {
        long cursor = after;
        if (after > events.lastId()) {
            // Not an id of this database (e.g. from before it was reset): start over from what it has.
            cursor = horizonExceeded(after, events.oldestAvailableId());
        }
        while (!buffer.isClosed()) {
            long target = hub.position();
            if (cursor >= target) {
                if (hub.goLive(this, cursor)) {
                    return true;
                }
                continue;
            }
            List<StreamEvent> page = events.after(cursor, filter, properties.pageSize());
            long oldest = events.oldestAvailableId();
            if (oldest > cursor + 1) {
                // Events after the cursor were pruned, perhaps before this page was read.
                cursor = horizonExceeded(cursor, oldest);
                continue;
            }
            for (StreamEvent event : page) {
                send(event);
                cursor = event.id();
            }
            if (page.size() < properties.pageSize()) {
                // Every matching event up to the target was in the page.
                cursor = Math.max(cursor, target);
            }
        }
        return false;
    }

    /** Sends what the hub queues until the connection ends or the client falls too far behind. */
    private void forward() throws IOException, InterruptedException {
        while (true) {
            ClientBuffer.Next next = buffer.next(properties.heartbeat());
            switch (next.signal()) {
                case EVENT -> send(next.event());
                case IDLE -> emitter.send(SseEmitter.event().comment("heartbeat"));
                case OVERFLOWED -> {
                    emitter.send(SseEmitter.event().name(DISCONNECTED).data(new Disconnected(
                            "too slow: more than " + buffer.capacity() + " events behind", lastSent),
                            MediaType.APPLICATION_JSON));
                    emitter.complete();
                    return;
                }
                case CLOSED -> {
                    emitter.complete();
                    return;
                }
            }
        }
    }

    private void send(StreamEvent event) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.name()).data(event.data(), AS_IS));
        lastSent = event.id();
        sent.increment();
    }

    /**
     * Tells the client that the events after {@code lastEventId} before {@code oldest} are gone; answers the new
     * cursor, from which the stream goes on as if the client had seen every event before {@code oldest}.
     */
    private long horizonExceeded(long lastEventId, long oldest) throws IOException {
        emitter.send(SseEmitter.event().name(HORIZON_EXCEEDED).data(new HorizonExceeded(lastEventId, oldest),
                MediaType.APPLICATION_JSON));
        lastSent = oldest - 1;
        return oldest - 1;
    }

    @Override
    public String toString() {
        return "stream client " + number + " (" + filter + ")";
    }
}
