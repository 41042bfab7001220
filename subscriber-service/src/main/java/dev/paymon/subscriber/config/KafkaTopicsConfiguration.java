package dev.paymon.subscriber.config;

import dev.paymon.events.Topics;
import dev.paymon.support.kafka.TopicCreator;
import dev.paymon.support.kafka.TopicProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topics this service writes, if missing: its dead-letter topic, kept as long as the topics it
 * projects ({@code paymon.topics.enriched-retention}). The topics it reads belong to their writers (the processor
 * sets their retention), so they are not created here.
 *
 * <p>Without a broker at start-up, {@link TopicCreator} creates the dead-letter topic later. Until then a
 * poison record waits on its partition (its dead-lettering fails and is retried), so nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
@Import(TopicCreator.class)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics subscriberTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                Topics.SUBSCRIBER_DLQ.toNewTopic(topics.partitions(), topics.replicationFactor(),
                        topics.projectedRetention()));
    }
}
