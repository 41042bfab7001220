package dev.paymon.subscriber.deadletter;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.EventDecodingException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of {@code payments.dlq.v1} as the {@code dead_letters} table holds it: where it sits in that
 * topic (its identity), the original record's key, when the processor wrote it, and why and where the
 * original failed. The original bytes stay in Kafka; they are opaque here.
 *
 * @param key            the original record's key, {@code null} when it had none
 * @param deadLetteredAt the dead-letter record's timestamp
 */
record StoredDeadLetter(int dlqPartition, long dlqOffset, String key, Instant deadLetteredAt, DeadLetter deadLetter) {

    /**
     * Reads a dead-letter record from its headers and coordinates; its value is not looked at, so a
     * dead-lettered tombstone is a dead letter like any other.
     *
     * @throws EventDecodingException when the record has no readable dead-letter headers
     */
    static StoredDeadLetter from(ConsumerRecord<String, byte[]> record) {
        DeadLetter deadLetter;
        try {
            deadLetter = DeadLetter.readFrom(record.headers());
        } catch (IllegalArgumentException e) {
            // The message is the detail of the subscriber's own dead letter, so it says what was wrong.
            throw new EventDecodingException("no readable dead-letter headers: " + e.getMessage());
        }
        return new StoredDeadLetter(record.partition(), record.offset(), record.key(),
                Instant.ofEpochMilli(record.timestamp()), deadLetter);
    }
}
