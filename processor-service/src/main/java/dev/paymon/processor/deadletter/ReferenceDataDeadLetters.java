package dev.paymon.processor.deadletter;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.Topics;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;

/**
 * Publishes records that a Kafka Streams source could not deserialize (in practice the reference
 * topics, read as typed {@code GlobalKTable}s) to {@code payments.dlq.v1}: original key and bytes,
 * original headers, and our {@link DeadLetter} headers instead of Spring's {@code kafka_dlt-*} ones, so
 * every record on the DLQ has the same shape. The partition is left to the producer because the
 * source topic may have more partitions than the DLQ.
 *
 * <p>This publishing happens outside the Streams transaction (at-least-once); when it fails the
 * recoverer throws and the record is not skipped.
 */
public final class ReferenceDataDeadLetters {

    private ReferenceDataDeadLetters() {
    }

    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<byte[], byte[]> template,
                                                          Consumer<DeadLetter> listener) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.PAYMENTS_DLQ.name(), -1));
        recoverer.excludeHeader(HeadersToAdd.values());
        recoverer.setHeadersFunction((record, exception) -> {
            DeadLetter deadLetter = deadLetter(record, exception);
            listener.accept(deadLetter);
            Headers headers = new RecordHeaders();
            deadLetter.writeTo(headers);
            return headers;
        });
        return recoverer;
    }

    static DeadLetter deadLetter(ConsumerRecord<?, ?> record, Exception exception) {
        DeadLetterCause rejection = exception instanceof RuntimeException failure
                ? DeadLetterCause.ofUnreadable(failure)
                : DeadLetterCause.ofUnreadable(new IllegalStateException(exception));
        return new DeadLetter(rejection.reason(), rejection.stage(), rejection.detail(),
                record.topic(), record.partition(), record.offset());
    }
}
