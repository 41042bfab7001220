package dev.paymon.processor.health;

import dev.paymon.support.health.KafkaHealthIndicator;
import dev.paymon.support.health.KafkaHealthProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health component {@code kafka} (readiness): UP while the cluster answers. The topics need no check here:
 * the processor creates them at start-up or does not start, and {@code kafkaStreams} reports the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaHealthProperties.class)
class KafkaHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaHealthProperties properties) {
        return new KafkaHealthIndicator(admin, "paymon-processor-health", List.of(), properties);
    }
}
