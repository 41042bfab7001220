package dev.paymon.processor.config;

import dev.paymon.events.Topics;
import dev.paymon.support.kafka.TopicProperties;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates, when missing, every topic the processor reads or writes, so the services can start in
 * any order. Existing topics are left as they are (Spring's {@code KafkaAdmin} only adds partitions).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics processorTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(newTopics(topics).toArray(NewTopic[]::new));
    }

    static List<NewTopic> newTopics(TopicProperties topics) {
        int partitions = topics.partitions();
        short replicas = topics.replicationFactor();
        // The enriched topic is the system of record every projection is rebuilt from: keep it long.
        Map<String, String> systemOfRecord = Map.of(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(topics.enrichedRetention().toMillis()));
        return List.of(
                Topics.PAYMENTS_INITIATED.toNewTopic(partitions, replicas),
                Topics.ACCOUNTS_REFERENCE.toNewTopic(partitions, replicas),
                Topics.FX_RATES_REFERENCE.toNewTopic(partitions, replicas),
                Topics.PAYMENTS_ENRICHED.toNewTopic(partitions, replicas, systemOfRecord),
                Topics.ACCOUNTS_ACTIVITY.toNewTopic(partitions, replicas),
                Topics.FRAUD_ALERTS.toNewTopic(partitions, replicas),
                Topics.PAYMENTS_DLQ.toNewTopic(partitions, replicas));
    }
}
