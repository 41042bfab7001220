package dev.paymon.processor.deadletter;

import dev.paymon.events.DeadLetter;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a {@link RejectedRecord} record into a dead-letter record: the original key and bytes, the
 * original headers, plus the {@link DeadLetter} headers naming the reason and the source topic,
 * partition and offset of the input record being processed. Runs inside the topology, so with
 * exactly-once the dead-letter record commits in the same transaction as the input offset.
 */
public final class DeadLetterRecords<K> implements FixedKeyProcessor<K, RejectedRecord, byte[]> {

    private final Consumer<DeadLetter> listener;
    private FixedKeyProcessorContext<K, byte[]> context;

    /** @param listener told of every dead letter written, e.g. to count them */
    public DeadLetterRecords(Consumer<DeadLetter> listener) {
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, RejectedRecord> record) {
        DeadLetterCause rejection = record.value().rejection();
        // Empty only for records forwarded by a punctuator, which no rejection comes from today.
        RecordMetadata source = context.recordMetadata().orElse(null);
        DeadLetter deadLetter = new DeadLetter(rejection.reason(), rejection.stage(), rejection.detail(),
                source == null ? null : source.topic(),
                source == null ? -1 : source.partition(),
                source == null ? -1 : source.offset());
        // A copy, so the headers of records on other branches are never touched.
        Headers headers = new RecordHeaders(record.headers().toArray());
        deadLetter.writeTo(headers);
        listener.accept(deadLetter);
        context.forward(record.withValue(record.value().original()).withHeaders(headers));
    }
}
