package dev.paymon.processor.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Min;

/**
 * How the topics this service needs are created when missing.
 *
 * @param partitions        partitions of each topic
 * @param replicationFactor replicas of each topic (3 in a three-broker cluster)
 * @param enrichedRetention retention of {@code payments.enriched.v1}, the system of record
 */
@Validated
@ConfigurationProperties("paymon.topics")
record TopicProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("90d") Duration enrichedRetention) {
}
