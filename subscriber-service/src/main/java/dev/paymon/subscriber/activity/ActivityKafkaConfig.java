package dev.paymon.subscriber.activity;

import dev.paymon.events.Topics;
import dev.paymon.subscriber.config.EventListenerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** The consumer of {@code accounts.activity.v1}: values decoded as {@code AccountActivity}. */
@Configuration(proxyBeanMethods = false)
class ActivityKafkaConfig {

    static final String LISTENER_FACTORY = "activityListenerFactory";

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> activityListenerFactory(EventListenerFactories factories) {
        return factories.forTopic(Topics.ACCOUNTS_ACTIVITY);
    }
}
