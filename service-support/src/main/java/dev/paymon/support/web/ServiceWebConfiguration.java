package dev.paymon.support.web;

import dev.paymon.support.health.PublicHealthEndpoints;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The web parts every service shares: errors outside Spring MVC as problem details ({@link ProblemErrorController}),
 * status-only health and info on the public port ({@link PublicHealthEndpoints}), and limits on request JSON
 * ({@link JsonLimitsConfiguration}). A service imports it from its own configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemErrorController.class, PublicHealthEndpoints.class, JsonLimitsConfiguration.class})
public class ServiceWebConfiguration {
}
