package dev.paymon.processor.config;

import dev.paymon.events.Topics;
import dev.paymon.support.kafka.TopicProperties;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates, when missing, every topic the processor reads or writes, so the services can start in
 * any order. The topics the subscriber's projections are rebuilt from (enriched payments, alerts, activity, dead
 * letters) keep records as long as the system of record, so a rebuild finds all of them; an existing topic is
 * brought to that retention ({@code spring.kafka.admin.modify-topic-configs}); Spring's {@code KafkaAdmin} otherwise
 * only adds partitions.
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
        // The enriched topic is the system of record every projection is rebuilt from: keep it, and the others a
        // projection is rebuilt from, long.
        Map<String, String> projected = topics.projectedRetention();
        return List.of(
                Topics.PAYMENTS_INITIATED.toNewTopic(partitions, replicas),
                Topics.ACCOUNTS_REFERENCE.toNewTopic(partitions, replicas),
                Topics.FX_RATES_REFERENCE.toNewTopic(partitions, replicas),
                Topics.PAYMENTS_ENRICHED.toNewTopic(partitions, replicas, projected),
                Topics.ACCOUNTS_ACTIVITY.toNewTopic(partitions, replicas, projected),
                Topics.FRAUD_ALERTS.toNewTopic(partitions, replicas, projected),
                Topics.PAYMENTS_DLQ.toNewTopic(partitions, replicas, projected));
    }
}
