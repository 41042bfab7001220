package dev.paymon.publisher.config;

import dev.paymon.support.web.ServiceWebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The web parts every service shares: problem-detail error page, status-only public health, JSON limits. */
@Configuration(proxyBeanMethods = false)
@Import(ServiceWebConfiguration.class)
class WebConfiguration {
}
