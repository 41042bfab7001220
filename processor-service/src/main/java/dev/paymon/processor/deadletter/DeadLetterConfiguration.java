package dev.paymon.processor.deadletter;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Dead-lettering of records Kafka Streams cannot deserialize: sets
 * {@code deserialization.exception.handler} to Spring's {@link RecoveringDeserializationExceptionHandler}
 * with our {@link ReferenceDataDeadLetters} recoverer, so a bad reference record never stops the app.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** Raw bytes in, raw bytes out: Boot's producer settings with byte-array serializers. */
    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(ProducerFactory<byte[], byte[]> producers) {
        return new KafkaTemplate<>(producers, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer deadLetterUndeserializableRecords(KafkaTemplate<byte[], byte[]> deadLetterTemplate,
                                                                          DeadLetterMetrics metrics) {
        return factory -> {
            Properties streams = factory.getStreamsConfiguration();
            streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                    RecoveringDeserializationExceptionHandler.class.getName());
            streams.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                    ReferenceDataDeadLetters.recoverer(deadLetterTemplate, metrics));
            factory.setStreamsConfiguration(streams);
        };
    }
}
