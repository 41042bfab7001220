package dev.paymon.publisher.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Title, description and the API-key scheme of the OpenAPI document ({@code /v3/api-docs}, {@code /swagger-ui.html},
 * where "Authorize" takes a key).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI publisherApi() {
        return new OpenAPI().info(new Info()
                        .title("paymon publisher")
                        .version("v1")
                        .description("""
                                Accepts payments and reference data over REST and publishes them to Kafka. \
                                A 2xx means the broker acknowledged the event (acks=all), except with ?async=true, \
                                which answers once the producer has the event (at most once). Errors are RFC 9457 \
                                problem details; 503 with Retry-After when Kafka cannot take the event in time. \
                                Every call needs an API key (X-API-Key or Authorization: Bearer): 401 without a \
                                valid one, 403 without the role (ingest for payments, admin for reference data, admin \
                                or simulate for simulations), 429 with Retry-After over the key's rate limit or while the key \
                                has as many publishing requests in progress as one key may have."""))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
