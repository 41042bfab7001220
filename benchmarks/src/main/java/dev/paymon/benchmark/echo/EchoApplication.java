package dev.paymon.benchmark.echo;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The HTTP ceiling of the benchmark: the publisher's HTTP stack (Tomcat, Spring MVC, Jackson 3, actuator) with
 * the same Tomcat limits, answering {@code POST /echo} without doing anything else. Whatever the publisher does
 * beyond this (validation, security, Kafka) is what its figures lose against this one.
 */
@SpringBootApplication
public class EchoApplication {

    /** The publisher's Tomcat settings (publisher-service application.yml). */
    static final Map<String, Object> PUBLISHER_TOMCAT = Map.of(
            "server.tomcat.threads.max", 64,
            "server.tomcat.max-connections", 1024,
            "server.tomcat.accept-count", 100,
            "management.endpoints.web.exposure.include", "health,prometheus",
            "spring.application.name", "echo");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EchoApplication.class);
        application.setDefaultProperties(PUBLISHER_TOMCAT);
        application.run(args);
    }
}
