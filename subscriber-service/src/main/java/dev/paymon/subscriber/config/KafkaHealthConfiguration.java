package dev.paymon.subscriber.config;

import dev.paymon.support.health.KafkaHealthIndicator;
import dev.paymon.support.health.KafkaHealthProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health component {@code kafka} (readiness, with {@code db}): UP while the cluster answers. Topics are not
 * required: the query API serves what the database holds even before the processor created its topics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaHealthProperties.class)
class KafkaHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaHealthProperties properties) {
        return new KafkaHealthIndicator(admin, "paymon-subscriber-health", List.of(), properties);
    }
}
