package dev.paymon.processor.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventTypes;
import dev.paymon.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * The deserialization exception handler as Kafka Streams creates it from the streams configuration
 * our configurer writes, publishing through a mock producer. (The {@code TopologyTestDriver}
 * ignores this handler for global tables; {@code ProcessorApplicationIT} covers it on a real broker.)
 */
class ReferenceDataDeadLettersTests {

    private static final String FX_RATES = Topics.FX_RATES_REFERENCE.name();

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeserializationExceptionHandler handler = configuredHandler();

    @Test
    void deadLettersUndecodableReferenceRecordWithItsBytesAndHeadersThenContinues() {
        ConsumerRecord<byte[], byte[]> record = fxRecord("not json");

        DeserializationHandlerResponse response = handler.handle((ErrorHandlerContext) null, record, deserializationFailure(record));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> deadLetter = producer.history().get(0);
        assertThat(producer.history()).hasSize(1);
        assertThat(deadLetter.topic()).isEqualTo(Topics.PAYMENTS_DLQ.name());
        assertThat(deadLetter.key()).isEqualTo("USD".getBytes(UTF_8));
        assertThat(deadLetter.value()).isEqualTo("not json".getBytes(UTF_8));
        DeadLetter headers = DeadLetter.readFrom(deadLetter.headers());
        assertThat(headers).usingRecursiveComparison().ignoringFields("detail")
                .isEqualTo(new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "", FX_RATES, 3, 42L));
        assertThat(headers.detail()).startsWith("not JSON: ");
        assertThat(CloudEvents.text(deadLetter.headers(), "ce_type")).isEqualTo(EventTypes.FX_RATE_UPDATED.type());
        assertThat(Arrays.stream(deadLetter.headers().toArray()).map(Header::key))
                .noneMatch(key -> key.startsWith("kafka_dlt"));
        assertThat(registry.get(DeadLetterMetrics.NAME).tag("reason", "UNDECODABLE").counter().count()).isEqualTo(1.0);
    }

    @Test
    void deadLettersReferenceRecordWithInvalidFields() {
        ConsumerRecord<byte[], byte[]> record = fxRecord("""
                {"currency":"USD","rateToBase":"-1","baseCurrency":"EUR","updatedAt":"2026-11-28T00:00:00Z","schemaVersion":2}""");

        DeserializationHandlerResponse response = handler.handle((ErrorHandlerContext) null, record, deserializationFailure(record));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(DeadLetter.readFrom(producer.history().get(0).headers())).isEqualTo(new DeadLetter(
                DeadLetterReason.INVALID_EVENT, "validate", "rateToBase: must be greater than 0", FX_RATES, 3, 42L));
    }

    @Test
    void failsInsteadOfSkippingWhenTheDeadLetterCannotBeWritten() {
        producer.sendException = new TimeoutException("broker unavailable");
        ConsumerRecord<byte[], byte[]> record = fxRecord("not json");

        DeserializationHandlerResponse response = handler.handle((ErrorHandlerContext) null, record, deserializationFailure(record));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    private DeserializationExceptionHandler configuredHandler() {
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
        StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "paymon-processor",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092")));
        new DeadLetterConfiguration()
                .deadLetterUndeserializableRecords(template, new DeadLetterMetrics(registry))
                .configure(factory);
        return new StreamsConfig(factory.getStreamsConfiguration()).deserializationExceptionHandler();
    }

    private static ConsumerRecord<byte[], byte[]> fxRecord(String value) {
        Headers headers = new RecordHeaders();
        headers.add("ce_type", EventTypes.FX_RATE_UPDATED.type().getBytes(UTF_8));
        return new ConsumerRecord<>(FX_RATES, 3, 42L, 0L, TimestampType.CREATE_TIME, 3, value.length(),
                "USD".getBytes(UTF_8), value.getBytes(UTF_8), headers, Optional.empty());
    }

    /** The exception the table's deserializer throws for this record. */
    private static Exception deserializationFailure(ConsumerRecord<byte[], byte[]> record) {
        try {
            Topics.FX_RATES_REFERENCE.valueSerde("/paymon/processor").deserializer()
                    .deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the record not to deserialize");
    }
}
