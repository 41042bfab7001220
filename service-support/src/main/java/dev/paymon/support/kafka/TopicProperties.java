package dev.paymon.support.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service creates the topics it declares ({@code KafkaAdmin.NewTopics} beans) when they are missing
 * ({@code paymon.topics.*}). An existing topic keeps its settings, except that Spring's {@code KafkaAdmin} adds
 * partitions when it has fewer.
 *
 * @param partitions        partitions of every topic (default 6); topics joined by the processor must have the
 *                          same number (co-partitioning)
 * @param replicationFactor copies of each partition (default 1); 3 on a production cluster
 * @param creationRetry     how long {@link TopicCreator} waits before trying again when no broker could create
 *                          the topics (default 10s; publisher and subscriber)
 * @param enrichedRetention retention of {@code payments.enriched.v1}, the system of record every projection is
 *                          rebuilt from, and of every other topic a projection is rebuilt from (alerts, activity,
 *                          the dead-letter topics), so that a rebuild finds all of them (default 90d)
 */
@ConfigurationProperties("paymon.topics")
public record TopicProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration creationRetry,
        @DefaultValue("90d") Duration enrichedRetention) {

    public TopicProperties {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("paymon.topics.partitions and replication-factor must be at least 1");
        }
    }

    /** The topic configuration of the system of record and the topics projected with it: their retention. */
    public Map<String, String> projectedRetention() {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(enrichedRetention.toMillis()));
    }
}
