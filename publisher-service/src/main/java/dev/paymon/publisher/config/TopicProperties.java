package dev.paymon.publisher.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics this service writes are created when missing ({@code paymon.topics.*}).
 *
 * @param partitions        partitions of every topic; the accounts topic must match the payments topic so the
 *                          processor can join them (co-partitioning)
 * @param replicationFactor copies of each partition; 3 in a production cluster
 * @param creationRetry     how long to wait before trying again when the topics could not be created (no broker)
 */
@ConfigurationProperties("paymon.topics")
public record TopicProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration creationRetry) {

    public TopicProperties {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("paymon.topics.partitions and replication-factor must be at least 1");
        }
    }
}
