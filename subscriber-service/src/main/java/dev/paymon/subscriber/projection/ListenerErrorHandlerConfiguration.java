package dev.paymon.subscriber.projection;

import dev.paymon.events.EventDecodingException;
import dev.paymon.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What happens to a record a listener cannot handle. Undecodable, invalid and refused records go to
 * {@code subscriber.dlq.v1} at once through {@link DeadLetterSink}, so they never block their partition.
 * Failures that are the database's fault are retried with back-off until the database answers again; other
 * failures are retried a few times, then dead-lettered as {@code PROCESSING_ERROR}.
 *
 * <p>Boot's listener container factory configurer applies this handler to every listener.
 */
@Configuration(proxyBeanMethods = false)
class ListenerErrorHandlerConfiguration {

    static final String FAILED_DELIVERIES_METRIC = "paymon.subscriber.failed.deliveries";

    private static final Logger log = LoggerFactory.getLogger(ListenerErrorHandlerConfiguration.class);

    /**
     * Handles a record that a batch listener reported as failed (a {@code BatchListenerFailedException}
     * with its index): the records before it are done, the failed one is retried or dead-lettered, and the
     * rest of the batch is delivered again. A dead-lettered record's offset is then stored as handled, so
     * that a restart does not dead-letter it again. A failure that is the database's fault is retried until the
     * database answers, with {@code projections} health DOWN meanwhile, never dead-lettered.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetterSink deadLetters, DeadLetteredOffsets deadLettered,
                                          RetryProperties retry, ProjectionsHealthIndicator health,
                                          MeterRegistry meters) {
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            // Below stream_from the record was handled before a rebuild by a release that kept no record of its
            // dead letters: dead-lettered then already.
            if (!deadLettered.handledBeforeRebuild(record, consumer)) {
                deadLetters.publish(record, failure);
            }
            deadLettered.pass(record, consumer);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retry.processing().backOff());
        // Retrying cannot fix a record that does not decode or validate.
        handler.addNotRetryableExceptions(InvalidEventException.class, EventDecodingException.class,
                RefusedValueException.class);
        handler.setBackOffFunction((record, failure) ->
                FailureTriage.isDatabaseFault(failure) ? retry.database().backOff() : null);
        handler.setRetryListeners((record, failure, attempt) -> failed(record, failure, attempt, health, meters));
        return handler;
    }

    /** A steadily growing count with cause {@code database} means the projection waits for its database. */
    private static void failed(ConsumerRecord<?, ?> record, Exception failure, int attempt,
                               ProjectionsHealthIndicator health, MeterRegistry meters) {
        boolean database = FailureTriage.isDatabaseFault(failure);
        if (database) {
            health.databaseFault(record.topic(), failure);
        }
        String cause = FailureTriage.rootCause(failure).toString();
        log.warn("Attempt {} to handle {}-{}@{} failed{}: {}", attempt, record.topic(), record.partition(),
                record.offset(), database ? " (database unavailable, retrying)" : "", cause);
        Counter.builder(FAILED_DELIVERIES_METRIC)
                .description("Failed attempts to handle a record, by cause")
                .tag("cause", database ? "database" : "record")
                .register(meters)
                .increment();
    }
}
