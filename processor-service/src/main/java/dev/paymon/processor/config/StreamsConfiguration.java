package dev.paymon.processor.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Kafka Streams under Spring's {@code StreamsBuilderFactoryBean}, which starts and stops it with the
 * application context. Streams settings come from {@code spring.kafka.streams.*} in
 * {@code application.yml} (exactly-once v2, explicit naming of internal resources, state directory,
 * standby replicas). Several instances may run with the same application id: Kafka Streams shares the
 * partitions, with their state, out between them.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(new ReplaceFailedStreamThreads());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
