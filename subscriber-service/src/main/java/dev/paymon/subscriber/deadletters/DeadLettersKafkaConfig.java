package dev.paymon.subscriber.deadletters;

import dev.paymon.events.Topics;
import dev.paymon.subscriber.config.EventListenerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * The consumer of {@code payments.dlq.v1}: keys as strings, values as the raw bytes they are. What a
 * dead letter says is in its headers, which {@link DeadLetterProjection} reads.
 */
@Configuration(proxyBeanMethods = false)
class DeadLettersKafkaConfig {

    static final String LISTENER_FACTORY = "deadLettersListenerFactory";

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLettersListenerFactory(
            EventListenerFactories factories) {
        return factories.forTopic(Topics.PAYMENTS_DLQ);
    }
}
