package dev.paymon.publisher;

import dev.paymon.events.Event;
import dev.paymon.events.Topic;
import dev.paymon.publisher.kafka.Delivery;
import dev.paymon.publisher.kafka.EventPublisher;
import dev.paymon.publisher.kafka.KafkaUnavailableException;
import dev.paymon.publisher.kafka.Published;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Stands in for Kafka at the boundary of the web slice tests only (integration tests use the real broker):
 * records what was published, acknowledging at partition 0 with increasing offsets, and can be told to
 * go down after a number of events.
 */
public class FakeEventPublisher implements EventPublisher {

    public static final String OUTAGE = "Kafka did not acknowledge the event within 5000 ms";

    /** One published event. */
    public record Sent(String topic, String key, Event event) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private int availableFor = Integer.MAX_VALUE;
    private int failingBatches;

    public synchronized void reset() {
        sent.clear();
        availableFor = Integer.MAX_VALUE;
        failingBatches = 0;
    }

    /** The next {@code batches} calls of {@link #publishAll} fail every event (a cluster too slow to acknowledge). */
    public synchronized void failNextBatches(int batches) {
        failingBatches = batches;
    }

    /** Takes this many more events, then fails every send. */
    public synchronized void goDownAfter(int events) {
        availableFor = sent.size() + events;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized <V extends Event> Published publish(Topic<V> topic, String key, V event) {
        if (sent.size() >= availableFor) {
            throw new KafkaUnavailableException(OUTAGE);
        }
        sent.add(new Sent(topic.name(), key, event));
        return new Published(topic.name(), 0, sent.size() - 1);
    }

    @Override
    public <V extends Event> CompletableFuture<Published> publishAcknowledged(Topic<V> topic, String key, V event) {
        try {
            return CompletableFuture.completedFuture(publish(topic, key, event));
        } catch (KafkaUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <V extends Event> CompletableFuture<Published> publishAsync(Topic<V> topic, String key, V event) {
        return CompletableFuture.completedFuture(publish(topic, key, event));
    }

    @Override
    public <V extends Event> CompletableFuture<List<Delivery>> publishAll(Topic<V> topic,
            Function<? super V, String> keyOf, List<V> events, boolean awaitAcks) {
        List<Delivery> deliveries = new ArrayList<>();
        synchronized (this) {
            if (failingBatches > 0) {
                failingBatches--;
                events.forEach(event -> deliveries.add(Delivery.failed(OUTAGE)));
                return CompletableFuture.completedFuture(deliveries);
            }
        }
        for (V event : events) {
            try {
                Published published = publish(topic, keyOf.apply(event), event);
                deliveries.add(awaitAcks ? Delivery.acknowledged(published) : Delivery.handedOver());
            } catch (KafkaUnavailableException e) {
                deliveries.add(Delivery.failed(e.getMessage()));
            }
        }
        return CompletableFuture.completedFuture(deliveries);
    }
}
