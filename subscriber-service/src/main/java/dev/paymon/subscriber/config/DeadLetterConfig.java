package dev.paymon.subscriber.config;

import dev.paymon.events.EventDecodingException;
import dev.paymon.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What happens to a record a listener cannot handle. Undecodable and invalid records go to
 * {@code subscriber.dlq.v1} at once through {@link DeadLetters}, so they never block their partition.
 * Transient database failures are retried with back-off until the database answers again; other
 * failures are retried a few times, then dead-lettered as {@code PROCESSING_ERROR}.
 *
 * <p>Boot's listener container factory configurer applies this handler to every listener.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    static final String FAILED_DELIVERIES_METRIC = "paymon.subscriber.failed.deliveries";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfig.class);

    /**
     * The service's only producer: Boot's producer settings (servers, security, metrics) with a
     * value serializer that writes original bytes unchanged. The copied producer factory is closed
     * with this template.
     */
    @Bean
    KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<String, Object> producers) {
        return new KafkaTemplate<>(producers, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class));
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, Object> deadLetterTemplate, MeterRegistry meters) {
        return new DeadLetters(deadLetterTemplate, meters);
    }

    /**
     * Handles a record that a batch listener reported as failed (a {@code BatchListenerFailedException}
     * with its index): the records before it are done, the failed one is retried or dead-lettered, and the
     * rest of the batch is delivered again. A dead-lettered record's offset is then stored as handled, so
     * that a restart does not dead-letter it again.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters, ConsumerOffsetRepository offsets,
                                          RetryProperties retry, MeterRegistry meters) {
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            String group = consumer.groupMetadata().groupId();
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            // Below stream_from the record was handled before a rebuild, i.e. dead-lettered then already.
            if (record.offset() >= offsets.position(group, partition).map(ConsumerOffsetRepository.Position::streamFrom).orElse(0L)) {
                deadLetters.publish(record, failure);
            }
            offsets.advance(group, partition, record.offset() + 1);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retry.processing().backOff());
        // Retrying cannot fix a record that does not decode or validate.
        handler.addNotRetryableExceptions(InvalidEventException.class, EventDecodingException.class);
        handler.setBackOffFunction((record, failure) ->
                Failures.isTransientDatabaseError(failure) ? retry.database().backOff() : null);
        handler.setRetryListeners((record, failure, attempt) -> failed(record, failure, attempt, meters));
        return handler;
    }

    /** A steadily growing count with cause {@code database} means the projection waits for its database. */
    private static void failed(ConsumerRecord<?, ?> record, Exception failure, int attempt, MeterRegistry meters) {
        boolean database = Failures.isTransientDatabaseError(failure);
        String cause = Failures.rootCause(failure).toString();
        log.warn("Attempt {} to handle {}-{}@{} failed{}: {}", attempt, record.topic(), record.partition(),
                record.offset(), database ? " (database unavailable, retrying)" : "", cause);
        Counter.builder(FAILED_DELIVERIES_METRIC)
                .description("Failed attempts to handle a record, by cause")
                .tag("cause", database ? "database" : "record")
                .register(meters)
                .increment();
    }
}
