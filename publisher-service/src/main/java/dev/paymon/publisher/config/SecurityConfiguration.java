package dev.paymon.publisher.config;

import static dev.paymon.support.security.ApiRole.ADMIN;
import static dev.paymon.support.security.ApiRole.INGEST;
import static dev.paymon.support.security.ApiRole.SIMULATE;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.paymon.support.security.ApiAccessRules;
import dev.paymon.support.security.ApiSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which role each endpoint of the publisher needs (API keys, {@code paymon.security.api-keys}); any other
 * {@code /api/v1} call needs a valid key of any role. Spring Security's own observations are off (see below).
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
public class SecurityConfiguration {

    @Bean
    ApiAccessRules publisherAccessRules() {
        return rules -> rules
                .requestMatchers(POST, "/api/v1/payments", "/api/v1/payments/batch").hasRole(INGEST.name())
                .requestMatchers(PUT, "/api/v1/accounts/*", "/api/v1/fx-rates/*").hasRole(ADMIN.name())
                .requestMatchers("/api/v1/simulations", "/api/v1/simulations/**").hasAnyRole(ADMIN.name(), SIMULATE.name());
    }

    /**
     * No observations of Spring Security's own: they wrap each of its dozen filters, and every authorization, in an
     * observation with a timer and a span, which took more CPU per payment than publishing it. The request keeps its
     * {@code http.server.requests} observation (timer and trace, continued into the Kafka record); a refused key is
     * still counted there by status (401, 403).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
