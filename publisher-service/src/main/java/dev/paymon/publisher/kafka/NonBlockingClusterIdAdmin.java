package dev.paymon.publisher.kafka;

import dev.paymon.support.health.KafkaHealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The cluster id for the observed {@code KafkaTemplate}, as the {@code kafka} health check last saw it. An observed
 * template asks its admin for the cluster id on every send until it has one; Spring's {@link KafkaAdmin} asks the
 * broker, which blocks each request for the admin timeout while no broker answers, before the producer's own bounded
 * send even starts, and the publisher would no longer answer 503 within its send timeout. This one never blocks
 * (the id is only a span attribute; it is missing until the first successful health check).
 */
final class NonBlockingClusterIdAdmin extends KafkaAdmin {

    private final KafkaHealthIndicator kafka;

    NonBlockingClusterIdAdmin(KafkaAdmin admin, KafkaHealthIndicator kafka) {
        super(admin.getConfigurationProperties());
        this.kafka = kafka;
    }

    @Override
    public String clusterId() {
        return kafka.lastClusterId();
    }
}
