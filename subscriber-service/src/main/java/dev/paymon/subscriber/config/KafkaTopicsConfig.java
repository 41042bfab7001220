package dev.paymon.subscriber.config;

import dev.paymon.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topics this service writes, if missing. The topics it reads belong to their writers
 * (the processor sets their retention), so they are not created here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics subscriberTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(
                Topics.SUBSCRIBER_DLQ.toNewTopic(topics.partitions(), topics.replicationFactor()));
    }
}
