package dev.paymon.subscriber.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics this service writes are created when missing ({@code paymon.topics.*}).
 *
 * @param partitions        partitions of each created topic
 * @param replicationFactor copies of each partition; 3 on a production cluster
 * @param creationRetry     how long to wait before trying again when no broker could create them
 */
@ConfigurationProperties("paymon.topics")
record TopicsProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration creationRetry) {

    TopicsProperties {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("paymon.topics.partitions and replication-factor must be at least 1");
        }
    }
}
