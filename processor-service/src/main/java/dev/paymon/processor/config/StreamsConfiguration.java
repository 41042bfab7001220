package dev.paymon.processor.config;

import dev.paymon.processor.ProcessingGuarantee;
import dev.paymon.processor.ProcessorProperties;
import dev.paymon.processor.health.ReplaceFailedStreamThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Kafka Streams under Spring's {@code StreamsBuilderFactoryBean}, which starts and stops it with the
 * application context. Streams settings come from {@code spring.kafka.streams.*} in
 * {@code application.yml} (explicit naming of internal resources, state directory, standby replicas), and the
 * processing guarantee from {@code paymon.processor.processing-guarantee} (exactly-once by default). Several
 * instances may run with the same application id: Kafka Streams shares the partitions, with their state, out
 * between them.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    /** Gauge, always 1, tagged {@value #GUARANTEE_TAG} with the processing guarantee in force. */
    static final String GUARANTEE_GAUGE = "paymon.processor.processing.guarantee";
    static final String GUARANTEE_TAG = "guarantee";
    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    StreamsBuilderFactoryBeanConfigurer processingGuarantee(ProcessorProperties properties, MeterRegistry registry) {
        ProcessingGuarantee guarantee = properties.processingGuarantee();
        return factory -> {
            Properties streams = factory.getStreamsConfiguration();
            guarantee.applyTo(streams);
            factory.setStreamsConfiguration(streams);
            Gauge.builder(GUARANTEE_GAUGE, () -> 1).tag(GUARANTEE_TAG, guarantee.configValue())
                    .description("Processing guarantee of the Kafka Streams topology (the tag; the value is always 1)")
                    .register(registry);
            if (guarantee == ProcessingGuarantee.AT_LEAST_ONCE) {
                log.warn("Processing guarantee at-least-once ({}={}): after a crash or rebalance, payments processed"
                        + " since the last commit are processed again, so payments.enriched.v1, fraud.alerts.v1 and"
                        + " accounts.activity.v1 may get duplicates and window, velocity and daily-spend state may count"
                        + " a payment twice; output is visible before it is committed. The subscriber skips values it"
                        + " already stored (same paymentId, alertId, or account and window).",
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.streamsValue());
            }
        };
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(new ReplaceFailedStreamThreads());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
