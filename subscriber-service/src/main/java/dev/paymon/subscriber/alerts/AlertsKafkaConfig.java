package dev.paymon.subscriber.alerts;

import dev.paymon.events.Topics;
import dev.paymon.subscriber.config.EventListenerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** The consumer of {@code fraud.alerts.v1}: values decoded as {@code AlertRaised}. */
@Configuration(proxyBeanMethods = false)
class AlertsKafkaConfig {

    static final String LISTENER_FACTORY = "alertsListenerFactory";

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> alertsListenerFactory(EventListenerFactories factories) {
        return factories.forTopic(Topics.FRAUD_ALERTS);
    }
}
