package dev.paymon.support.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link RefusedRequestProblems} on the engine of each Tomcat the service starts. */
@Configuration(proxyBeanMethods = false)
class RefusedRequestProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> refusedRequestProblems() {
        return factory -> factory.addEngineValves(new RefusedRequestProblems());
    }
}
