package dev.paymon.processor.health;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health component {@code kafkaStreams}: UP only while Kafka Streams is RUNNING or REBALANCING,
 * DOWN before it starts, while it shuts down and after it failed, since then no payment is processed.
 * (Neither Spring Boot nor Spring Kafka provide a Kafka Streams health indicator.)
 */
@Component
class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return of(kafkaStreams == null ? null : kafkaStreams.state());
    }

    static Health of(KafkaStreams.State state) {
        if (state == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        Health.Builder health = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            default -> Health.down();
        };
        return health.withDetail("state", state.name()).build();
    }
}
