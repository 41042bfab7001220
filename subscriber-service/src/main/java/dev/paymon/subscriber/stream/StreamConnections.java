package dev.paymon.subscriber.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Admits stream clients up to {@code max-clients-per-key} per API key and {@code max-clients} in all, and runs each
 * one's sender on its own thread. On shutdown it ends every stream first (before the web server waits for open
 * requests), so clients reconnect elsewhere.
 */
@Component
class StreamConnections implements SmartLifecycle {

    static final String CLIENTS_METRIC = "paymon.subscriber.stream.clients";
    static final String SENT_METRIC = "paymon.subscriber.stream.events.sent";

    private final StreamHub hub;
    private final StreamEventRepository events;
    private final StreamProperties properties;
    private final Counter sent;
    private final AtomicInteger connected = new AtomicInteger();
    // Connected clients per key name; a key without any has no entry, so the map stays as small as the key list.
    private final Map<String, Integer> connectedPerKey = new ConcurrentHashMap<>();
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong threads = new AtomicLong();
    // Made on start and shut down on stop: a stopped context (e.g. one the test framework pauses) can start again.
    private volatile ExecutorService senders;
    private volatile boolean running;

    StreamConnections(StreamHub hub, StreamEventRepository events, StreamProperties properties, MeterRegistry meters) {
        this.hub = hub;
        this.events = events;
        this.properties = properties;
        this.sent = Counter.builder(SENT_METRIC)
                .description("Events written to stream clients")
                .register(meters);
        Gauge.builder(CLIENTS_METRIC, connected, AtomicInteger::get)
                .description("Clients connected to the live stream")
                .register(meters);
    }

    /**
     * Opens a stream of the events matching {@code filter}: after {@code lastEventId} when given, else from now on.
     *
     * @param key the name of the API key the client authenticated with
     * @throws TooManyStreamsException    when the key has {@code max-clients-per-key} streams open already
     * @throws StreamUnavailableException when {@code max-clients} are connected, or the service is starting or
     *                                    stopping
     */
    SseEmitter open(StreamFilter filter, OptionalLong lastEventId, String key) {
        if (!running) {
            throw StreamUnavailableException.stopping();
        }
        if (!admit(key)) {
            throw new TooManyStreamsException(properties.maxClientsPerKey());
        }
        if (connected.incrementAndGet() > properties.maxClients()) {
            connected.decrementAndGet();
            release(key);
            throw StreamUnavailableException.full(properties.maxClients());
        }
        StreamClient client = new StreamClient(filter, lastEventId, hub, events, properties, sent,
                closed -> closed(closed, key));
        clients.add(client);
        SseEmitter emitter = client.emitter();
        emitter.onCompletion(client::close);
        emitter.onTimeout(client::close);
        emitter.onError(failure -> client.close());
        if (lastEventId.isEmpty()) {
            hub.goLiveNow(client);
        }
        try {
            client.greet();
            senders.execute(client);
        } catch (RejectedExecutionException e) {
            client.close();
            throw StreamUnavailableException.stopping();
        } catch (UncheckedIOException e) {
            client.close();
            throw e;
        }
        return emitter;
    }

    private void closed(StreamClient client, String key) {
        hub.remove(client);
        clients.remove(client);
        connected.decrementAndGet();
        release(key);
    }

    private boolean admit(String key) {
        boolean[] admitted = {false};
        connectedPerKey.compute(key, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= properties.maxClientsPerKey()) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    private void release(String key) {
        connectedPerKey.computeIfPresent(key, (name, count) -> count <= 1 ? null : count - 1);
    }

    @Override
    public void start() {
        senders = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stream-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List.copyOf(clients).forEach(StreamClient::close);
        // A sender blocked writing to a client that reads nothing is interrupted.
        ExecutorStop.stop(senders, 2);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
