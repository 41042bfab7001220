package dev.paymon.processor.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Gauge {@value #NAME}: the stream threads of the Kafka Streams client that are alive; 0 while the client is not
 * running or rebalancing (not started, shutting down, failed). A value below {@code num.stream.threads} means a
 * thread died and was not (yet) replaced.
 */
@Component
class StreamThreadsGauge {

    static final String NAME = "paymon.processor.stream.threads.alive";

    StreamThreadsGauge(StreamsBuilderFactoryBean streams, MeterRegistry registry) {
        Gauge.builder(NAME, streams, StreamThreadsGauge::alive)
                .description("Live stream threads of the Kafka Streams client (0 = not processing)")
                .register(registry);
    }

    static double alive(StreamsBuilderFactoryBean streams) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
            return 0;
        }
        try {
            return kafkaStreams.metadataForLocalThreads().stream().map(ThreadMetadata::threadState)
                    .filter(state -> !state.equals("DEAD") && !state.equals("PENDING_SHUTDOWN")).count();
        } catch (IllegalStateException | StreamsException e) {
            // The client left RUNNING/REBALANCING between the two calls.
            return 0;
        }
    }
}
