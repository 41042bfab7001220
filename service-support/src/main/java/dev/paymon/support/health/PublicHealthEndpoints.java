package dev.paymon.support.health;

import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the public port tells anyone about the service's health: {@code GET /actuator/health},
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness} answer only {@code {"status":"UP"}} (200)
 * or another status (503), never components or details (cluster ids, topics, database names); {@code /actuator/info}
 * answers the build information. Everything else of the actuator, details included, is on the management port
 * ({@code management.server.port}), which only operators and Prometheus reach.
 *
 * <p>Registered only while the management server has a port of its own: on a shared port the actuator serves these
 * paths itself. Needs no Spring Security.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
public class PublicHealthEndpoints {

    private final HealthEndpoint health;
    private final InfoEndpoint info;

    public PublicHealthEndpoints(HealthEndpoint health, InfoEndpoint info) {
        this.health = health;
        this.info = info;
    }

    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> health() {
        return statusOnly(health.health());
    }

    @GetMapping(path = "/actuator/health/liveness", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> liveness() {
        return statusOnly(health.healthForPath("liveness"));
    }

    @GetMapping(path = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> readiness() {
        return statusOnly(health.healthForPath("readiness"));
    }

    @GetMapping(path = "/actuator/info", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> info() {
        return info.info();
    }

    private static ResponseEntity<Map<String, String>> statusOnly(HealthDescriptor descriptor) {
        Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
        return ResponseEntity.status(Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", status.getCode()));
    }
}
