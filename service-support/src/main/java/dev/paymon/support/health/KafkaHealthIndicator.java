package dev.paymon.support.health;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health component {@code kafka} for the readiness group: UP when the cluster answers within the timeout
 * (details: cluster id, broker count and, for the topics a service names, their partition counts), DOWN
 * when it does not answer or a named topic is missing. One long-lived admin client asks; an answer is
 * reused for {@link KafkaHealthProperties#cacheFor()}, so frequent probes put no load on the cluster and
 * a probe never waits longer than the timeout.
 *
 * <p>Not for liveness: a broker outage is no reason to restart a service, which reconnects by itself.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Admin admin;
    private final List<String> topics;
    private final int timeoutMs;
    private final Duration cacheFor;
    private final Clock clock;
    private Health last;
    private Instant lastAt = Instant.MIN;
    private volatile String clusterId;

    /**
     * @param kafkaAdmin its configuration (servers, security) is used for the health client
     * @param clientId   the health client's {@code client.id}, e.g. {@code paymon-publisher-health}
     * @param topics     topics that must exist for the service to be ready (may be empty)
     */
    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, String clientId, List<String> topics,
                                KafkaHealthProperties properties) {
        this(kafkaAdmin, clientId, topics, properties, Clock.systemUTC());
    }

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, String clientId, List<String> topics,
                         KafkaHealthProperties properties, Clock clock) {
        this.timeoutMs = (int) properties.timeout().toMillis();
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        this.admin = Admin.create(config);
        this.topics = List.copyOf(topics);
        this.cacheFor = properties.cacheFor();
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(cacheFor))) {
            last = check();
            lastAt = now;
        }
        return last;
    }

    /** The id of the cluster as the last successful check saw it, without asking; {@code null} before one. */
    public String lastClusterId() {
        return clusterId;
    }

    private Health check() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
            clusterId = cluster.clusterId().get(timeoutMs, MILLISECONDS);
            Health.Builder health = Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", cluster.nodes().get(timeoutMs, MILLISECONDS).size());
            if (!topics.isEmpty()) {
                Map<String, TopicDescription> described = admin.describeTopics(topics,
                        new DescribeTopicsOptions().timeoutMs(timeoutMs)).allTopicNames().get(timeoutMs, MILLISECONDS);
                Map<String, Integer> partitions = new TreeMap<>();
                described.forEach((name, description) -> partitions.put(name, description.partitions().size()));
                health.withDetail("partitions", partitions);
            }
            return health.build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer from Kafka within " + timeoutMs + " ms").build();
        } catch (ExecutionException e) {
            // e.g. UnknownTopicOrPartitionException for a missing topic, or the client's own timeout
            return Health.down().withDetail("error", NestedExceptionUtils.getMostSpecificCause(e).toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
