package dev.paymon.publisher.config;

import static dev.paymon.support.security.ApiRole.ADMIN;
import static dev.paymon.support.security.ApiRole.INGEST;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.paymon.support.security.ApiAccessRules;
import dev.paymon.support.security.ApiSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Which role each endpoint of the publisher needs (API keys, {@code paymon.security.api-keys}); any other
 * {@code /api/v1} call needs a valid key of any role.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
public class SecurityConfig {

    @Bean
    ApiAccessRules publisherAccessRules() {
        return rules -> rules
                .requestMatchers(POST, "/api/v1/payments", "/api/v1/payments/batch").hasRole(INGEST.name())
                .requestMatchers(PUT, "/api/v1/accounts/*", "/api/v1/fx-rates/*").hasRole(ADMIN.name())
                .requestMatchers("/api/v1/simulations/**").hasRole(ADMIN.name());
    }
}
