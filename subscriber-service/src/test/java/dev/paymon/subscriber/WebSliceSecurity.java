package dev.paymon.subscriber;

import dev.paymon.subscriber.config.SecurityConfiguration;
import dev.paymon.testing.TestApiKeys;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The service's API-key security in a web slice test, with the test keys: every request sends
 * {@link TestApiKeys#ALL} unless it sets its own key.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class WebSliceSecurity {

    @Bean
    static DynamicPropertyRegistrar testApiKeys() {
        return TestApiKeys::register;
    }

    @Bean
    MockMvcBuilderCustomizer sendTheAllRolesKey() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                .header(TestApiKeys.HEADER, TestApiKeys.ALL));
    }
}
