package dev.paymon.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's table of which role each {@code /api/v1} endpoint needs, e.g.
 * {@code rules.requestMatchers(POST, "/api/v1/payments").hasRole(INGEST.name())}. Rules apply in order, first match
 * wins; {@link ApiSecurityConfiguration} adds its own before (error and async dispatches) and after them (any other
 * {@code /api/v1} path needs a valid key, every other path is public).
 */
@FunctionalInterface
public interface ApiAccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
