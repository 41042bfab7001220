package dev.paymon.subscriber.payments;

import dev.paymon.events.Topics;
import dev.paymon.subscriber.config.EventListenerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** The consumer of {@code payments.enriched.v1}: values decoded as {@code PaymentEnriched}. */
@Configuration(proxyBeanMethods = false)
class PaymentsKafkaConfig {

    static final String LISTENER_FACTORY = "paymentsListenerFactory";

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> paymentsListenerFactory(EventListenerFactories factories) {
        return factories.forTopic(Topics.PAYMENTS_ENRICHED);
    }
}
