package dev.paymon.subscriber.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where the engine sends a record it cannot project: the subscriber's own dead-letter queue
 * ({@code projection.deadletter}). {@link #publish} returns only once the record is safely there, however often it
 * is called for the same record, so that the caller may then store the record's offset as handled.
 */
@FunctionalInterface
public interface DeadLetterSink {

    /** Dead-letters {@code record} for {@code failure}, once; throws when it could not. */
    void publish(ConsumerRecord<?, ?> record, Exception failure);
}
