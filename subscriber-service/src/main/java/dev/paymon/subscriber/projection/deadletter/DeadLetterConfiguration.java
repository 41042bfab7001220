package dev.paymon.subscriber.projection.deadletter;

import dev.paymon.subscriber.projection.ProjectionCountRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The subscriber's own dead-letter queue, {@code subscriber.dlq.v1}: the producer that writes a record's original
 * bytes, the reader that finds an interrupted send, and the {@link DeadLetterPublisher} that uses both.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

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

    /** Reads {@code subscriber.dlq.v1} to find a dead letter whose sending was interrupted. */
    @Bean(destroyMethod = "close")
    DeadLetterTopic deadLetterTopic(ConsumerFactory<?, ?> consumers) {
        return new DeadLetterTopic(consumers.getConfigurationProperties());
    }

    @Bean
    DeadLetterPublisher deadLetters(KafkaTemplate<String, Object> deadLetterTemplate, SubscriberDeadLetterRepository sent,
                            ProjectionCountRepository counts, DeadLetterTopic deadLetterTopic,
                            PlatformTransactionManager transactions, MeterRegistry meters) {
        return new DeadLetterPublisher(deadLetterTemplate, sent, counts, deadLetterTopic, transactions, meters);
    }
}
