package dev.paymon.subscriber.projection;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code projections}: DOWN while a projection waits for its database (a batch failed with what
 * {@link FailureTriage#isDatabaseFault} calls the database's fault: unreachable, read-only, permission denied, a table
 * missing) and is retried with back-off; UP again once that projection commits a batch. Its records are never
 * dead-lettered for it. Part of readiness: an instance that cannot store what it reads is not ready.
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    private record Fault(Instant since, String cause) {
    }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    /** A batch of {@code topic} failed for the database's fault. */
    void databaseFault(String topic, Throwable cause) {
        faults.compute(topic, (t, earlier) -> new Fault(earlier == null ? Instant.now() : earlier.since(),
                FailureTriage.rootCause(cause).toString()));
    }

    /** A batch of {@code topic} committed. */
    void projected(String topic) {
        faults.remove(topic);
    }

    @Override
    public Health health() {
        if (faults.isEmpty()) {
            return Health.up().build();
        }
        Map<String, Object> waiting = new TreeMap<>();
        faults.forEach((topic, fault) -> waiting.put(topic, Map.of("since", fault.since().toString(),
                "cause", fault.cause())));
        return Health.down().withDetail("waitingForTheDatabase", waiting).build();
    }
}
