package dev.paymon.publisher;

import dev.paymon.publisher.config.PublisherProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** What the web slice tests need besides the web layer: a fake Kafka boundary, a fixed clock, metrics. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublisherProperties.class)
public class WebSliceTestConfig {

    /** The instant the slice tests run at. */
    public static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    @Bean
    FakeEventPublisher fakeEventPublisher() {
        return new FakeEventPublisher();
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
