package dev.paymon.publisher.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and description of the OpenAPI document ({@code /v3/api-docs}, {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI publisherApi() {
        return new OpenAPI().info(new Info()
                .title("paymon publisher")
                .version("v1")
                .description("""
                        Accepts payments and reference data over REST and publishes them to Kafka. \
                        A 2xx means the broker acknowledged the event (acks=all), except with ?async=true, \
                        which answers once the producer has the event (at most once). Errors are RFC 9457 \
                        problem details; 503 with Retry-After when Kafka cannot take the event in time."""));
    }
}
