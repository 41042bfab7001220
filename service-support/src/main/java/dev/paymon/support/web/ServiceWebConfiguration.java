package dev.paymon.support.web;

import dev.paymon.support.health.PublicHealthEndpoints;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The web parts every service shares: errors outside Spring MVC as problem details ({@link ProblemErrorController}),
 * also for requests Tomcat refuses before the application sees them ({@link RefusedRequestProblems}), status-only
 * health and info on the public port ({@link PublicHealthEndpoints}), and limits on request JSON
 * ({@link JsonLimitsConfiguration}). A service imports it from its own configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemErrorController.class, RefusedRequestProblemsConfiguration.class, PublicHealthEndpoints.class,
        JsonLimitsConfiguration.class})
public class ServiceWebConfiguration {
}
