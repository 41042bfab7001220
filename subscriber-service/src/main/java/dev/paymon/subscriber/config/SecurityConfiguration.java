package dev.paymon.subscriber.config;

import static dev.paymon.support.security.ApiRole.ADMIN;
import static dev.paymon.support.security.ApiRole.OPERATE;
import static dev.paymon.support.security.ApiRole.READ;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import dev.paymon.support.security.ApiAccessRules;
import dev.paymon.support.security.ApiSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Which role each endpoint of the subscriber needs (API keys, {@code paymon.security.api-keys}), first match first;
 * any other {@code /api/v1} call (an unknown path: 404, a wrong method: 405) needs a valid key of any role.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
public class SecurityConfiguration {

    @Bean
    ApiAccessRules subscriberAccessRules() {
        String[] queries = {"/api/v1/payments/*", "/api/v1/accounts/*/summary", "/api/v1/accounts/*/payments",
            "/api/v1/accounts/*/activity", "/api/v1/alerts", "/api/v1/stats", "/api/v1/stream"};
        return rules -> rules
                .requestMatchers(GET, queries).hasRole(READ.name())
                .requestMatchers(HEAD, queries).hasRole(READ.name())
                .requestMatchers(POST, "/api/v1/alerts/*/acknowledge").hasRole(OPERATE.name())
                .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name());
    }
}
