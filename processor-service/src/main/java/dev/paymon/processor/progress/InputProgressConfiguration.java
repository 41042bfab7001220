package dev.paymon.processor.progress;

import dev.paymon.events.Topics;
import dev.paymon.processor.monitoring.WindowProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads the input's progress from the cluster with the service's admin settings (servers, security), for the
 * Kafka Streams application's consumer group, as often as the monitor checks the wall clock.
 */
@Configuration(proxyBeanMethods = false)
class InputProgressConfiguration {

    @Bean
    CommittedInputProgress inputProgress(KafkaAdmin kafkaAdmin,
                                         @Value("${spring.kafka.streams.application-id}") String applicationId,
                                         WindowProperties windows, Clock clock, MeterRegistry meters) {
        return new CommittedInputProgress(kafkaAdmin.getConfigurationProperties(), Topics.PAYMENTS_INITIATED.name(),
                applicationId, windows.closeCheckInterval(), clock, meters);
    }
}
