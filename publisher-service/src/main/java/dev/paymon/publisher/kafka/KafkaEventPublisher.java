package dev.paymon.publisher.kafka;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.paymon.events.Event;
import dev.paymon.events.Topic;
import dev.paymon.publisher.PublisherProperties;
import dev.paymon.support.health.KafkaHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link EventPublisher} on Spring's {@link KafkaTemplate}. The producer's own timeouts are derived from
 * the same send timeout ({@link ProducerSettings}); the deadline here bounds the sum of blocking in
 * {@code send()} and waiting for the acknowledgement.
 *
 * <p>Timer {@value #LATENCY_METRIC} (a histogram): from handing an event to the producer to the broker's
 * acknowledgement, for every acknowledged event; failed sends are counted elsewhere, not timed.
 */
@Component
class KafkaEventPublisher implements EventPublisher, SmartInitializingSingleton {

    static final String LATENCY_METRIC = "paymon.publisher.publish.latency";

    private final KafkaTemplate<String, Event> kafka;
    private final Duration sendTimeout;
    private final Timer latency;

    KafkaEventPublisher(KafkaTemplate<String, Event> kafka, PublisherProperties properties, MeterRegistry meters,
                        KafkaAdmin admin, KafkaHealthIndicator kafkaHealth) {
        this.kafka = kafka;
        // Observed sends (spring.kafka.template.observation-enabled) must not wait for a cluster id.
        kafka.setKafkaAdmin(new NonBlockingClusterIdAdmin(admin, kafkaHealth));
        this.sendTimeout = properties.sendTimeout();
        this.latency = Timer.builder(LATENCY_METRIC)
                .description("Time from handing an event to the producer to the broker's acknowledgement")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(sendTimeout.plusSeconds(1))
                .register(meters);
    }

    /**
     * Creates the (shared) producer at start-up rather than on the first request, which would otherwise
     * spend part of its time bound on that. Needs no broker.
     */
    @Override
    public void afterSingletonsInstantiated() {
        kafka.getProducerFactory().createProducer();
    }

    @Override
    public <V extends Event> Published publish(Topic<V> topic, String key, V event) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        return await(send(topic, key, event), deadline);
    }

    @Override
    public <V extends Event> CompletableFuture<Published> publishAcknowledged(Topic<V> topic, String key, V event) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        CompletableFuture<Published> sent = send(topic, key, event);
        return sent.orTimeout(Math.max(0, deadline - System.nanoTime()), NANOSECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new KafkaUnavailableException("Kafka did not acknowledge the event within " + millis(),
                                failure)
                        : unavailable(unwrapped(failure))));
    }

    @Override
    public <V extends Event> CompletableFuture<Published> publishAsync(Topic<V> topic, String key, V event) {
        CompletableFuture<Published> sent = send(topic, key, event);
        if (sent.isCompletedExceptionally()) {
            await(sent, System.nanoTime());
        }
        return sent;
    }

    @Override
    public <V extends Event> CompletableFuture<List<Delivery>> publishAll(Topic<V> topic,
            Function<? super V, String> keyOf, List<V> events, boolean awaitAcks) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<CompletableFuture<Published>> sends = new ArrayList<>(events.size());
        KafkaUnavailableException refused = null;
        for (V event : events) {
            if (refused == null && System.nanoTime() - deadline >= 0) {
                refused = new KafkaUnavailableException("Kafka did not take the batch within " + millis());
            }
            CompletableFuture<Published> sent = refused == null
                    ? send(topic, keyOf.apply(event), event)
                    : CompletableFuture.failedFuture(refused);
            if (refused == null && sent.isCompletedExceptionally()) {
                // The producer could not even take this one (no broker within max.block.ms): stop trying,
                // each further send would block as long again.
                refused = failureOf(sent);
            }
            sends.add(sent);
        }
        if (!awaitAcks) {
            return CompletableFuture.completedFuture(sends.stream().map(KafkaEventPublisher::handedOver).toList());
        }
        // One timer for the whole batch: at the deadline, whatever is not acknowledged yet has failed.
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .handle((all, failure) -> (Void) null)
                .completeOnTimeout(null, Math.max(0, deadline - System.nanoTime()), NANOSECONDS)
                .thenApply(all -> sends.stream().map(this::deliveryNow).toList());
    }

    private static Delivery handedOver(CompletableFuture<Published> sent) {
        return sent.isCompletedExceptionally() ? Delivery.failed(failureOf(sent).getMessage()) : Delivery.handedOver();
    }

    /** The fate of a send at the batch's deadline or after: acknowledged, failed, or not acknowledged in time. */
    private Delivery deliveryNow(CompletableFuture<Published> sent) {
        if (!sent.isDone()) {
            return Delivery.failed("Kafka did not acknowledge the event within " + millis());
        }
        if (sent.isCompletedExceptionally()) {
            return Delivery.failed(failureOf(sent).getMessage());
        }
        return Delivery.acknowledged(sent.join());
    }

    private <V extends Event> CompletableFuture<Published> send(Topic<V> topic, String key, V event) {
        long start = System.nanoTime();
        try {
            return kafka.send(topic.name(), key, event).whenComplete((result, failure) -> {
                if (failure == null) {
                    latency.record(System.nanoTime() - start, NANOSECONDS);
                }
            }).thenApply(result -> new Published(
                    result.getRecordMetadata().topic(),
                    result.getRecordMetadata().partition(),
                    result.getRecordMetadata().offset()));
        } catch (KafkaException e) {
            // KafkaTemplate rethrows a send the producer failed at once, e.g. after max.block.ms without metadata.
            return CompletableFuture.failedFuture(e);
        }
    }

    private Published await(CompletableFuture<Published> sent, long deadline) {
        try {
            return sent.get(Math.max(0, deadline - System.nanoTime()), NANOSECONDS);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the event within " + millis(), e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    private static KafkaUnavailableException failureOf(CompletableFuture<Published> failed) {
        return unavailable(unwrapped(failed.handle((published, e) -> e).join()));
    }

    private static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static KafkaUnavailableException unavailable(Throwable cause) {
        if (cause instanceof KafkaUnavailableException unavailable) {
            return unavailable;
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        return new KafkaUnavailableException("Kafka did not take the event: " + root.getMessage(), cause);
    }

    private String millis() {
        return sendTimeout.toMillis() + " ms";
    }
}
