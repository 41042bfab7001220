package dev.paymon.publisher;

import dev.paymon.publisher.web.RequestJson;
import dev.paymon.publisher.config.SecurityConfiguration;
import dev.paymon.support.web.JsonLimits;
import dev.paymon.testing.TestApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the web slice tests need besides the web layer: the service's API-key security with the test keys (every
 * request sends {@link TestApiKeys#ALL} unless it sets its own key), the request JSON reader, a fake Kafka boundary,
 * a fixed clock, metrics.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({PublisherProperties.class, JsonLimits.class})
@Import({SecurityConfiguration.class, RequestJson.class})
public class WebSliceTestConfiguration {

    /** The instant the slice tests run at. */
    public static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    @Bean
    static DynamicPropertyRegistrar testApiKeys() {
        return TestApiKeys::register;
    }

    @Bean
    MockMvcBuilderCustomizer sendTheAllRolesKey() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                .header(TestApiKeys.HEADER, TestApiKeys.ALL));
    }

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
