package dev.paymon.processor.config;

import dev.paymon.support.web.ServiceWebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The processor's HTTP side: only status-only health and info on its public port (everything else of the actuator
 * is on the management port) and errors as problem details. It has no API, so no API keys and no Spring Security.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceWebConfiguration.class)
class WebConfiguration {
}
