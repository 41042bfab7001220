package dev.paymon.publisher.config;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.paymon.events.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health {@code kafka}: UP when the broker answers and every topic this service writes exists, DOWN
 * otherwise (the service could then only answer 503). Answers within the admin operation timeout.
 */
@Component
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final int timeoutMs;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        super("Kafka health check failed");
        // One long-lived client: the check runs on every health probe.
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "paymon-publisher-health");
        this.admin = Admin.create(config);
        this.timeoutMs = (int) Duration.ofSeconds(kafkaAdmin.getOperationTimeout()).toMillis();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Map<String, TopicDescription> topics;
        try {
            topics = admin.describeTopics(KafkaConfig.WRITTEN.stream().map(Topic::name).toList(),
                            new DescribeTopicsOptions().timeoutMs(timeoutMs))
                    .allTopicNames()
                    .get(timeoutMs, MILLISECONDS);
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "no answer from Kafka within " + timeoutMs + " ms");
            return;
        }
        Map<String, Integer> partitions = new TreeMap<>();
        topics.forEach((name, description) -> partitions.put(name, description.partitions().size()));
        builder.up().withDetail("partitions", partitions);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
