package dev.paymon.publisher.kafka;

import dev.paymon.events.Event;
import dev.paymon.events.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Publishes events to their topic, bounded by the configured send timeout
 * ({@code paymon.publisher.send-timeout}): no call blocks much longer than that.
 */
public interface EventPublisher {

    /**
     * Publishes one event and waits for the broker's acknowledgement ({@code acks=all}).
     *
     * @return where the broker stored it
     * @throws KafkaUnavailableException when the broker did not acknowledge it in time
     */
    <V extends Event> Published publish(Topic<V> topic, String key, V event);

    /**
     * Publishes one event without blocking for the acknowledgement: the caller's thread is free while the broker
     * works ({@code acks=all}).
     *
     * @return completes with where the broker stored the event once it acknowledged it, or exceptionally with
     *         {@link KafkaUnavailableException} when it did not within the send timeout
     */
    <V extends Event> CompletableFuture<Published> publishAcknowledged(Topic<V> topic, String key, V event);

    /**
     * Hands one event to the producer without waiting for the broker (at most once for the caller: a later
     * broker failure loses it).
     *
     * @return completes when the broker acknowledges or the send finally fails
     * @throws KafkaUnavailableException when the producer could not take the event in time
     */
    <V extends Event> CompletableFuture<Published> publishAsync(Topic<V> topic, String key, V event);

    /**
     * Sends every event, then (with {@code awaitAcks}) collects all acknowledgements, all within one send
     * timeout. Once a send fails, the rest are not attempted. Only handing the events to the producer happens on the
     * caller's thread; the acknowledgements are awaited without blocking it.
     *
     * @return completes (never exceptionally) within the send timeout with one delivery per event, in order
     */
    <V extends Event> CompletableFuture<List<Delivery>> publishAll(Topic<V> topic, Function<? super V, String> keyOf,
                                                                   List<V> events, boolean awaitAcks);
}
