package dev.paymon.subscriber.deadletter;

import dev.paymon.subscriber.projection.ListenerContainerFactories;
import dev.paymon.subscriber.projection.ProjectionCounters;
import dev.paymon.subscriber.projection.Projector;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code payments.dlq.v1}, the processor's dead letters, into the {@code dead_letters} table with
 * an exactly-once effect through the shared {@link Projector}; a record delivered again is skipped by its
 * partition and offset.
 *
 * <p>A dead letter is made of its record's headers and coordinates, not of its value (the original bytes,
 * {@code null} when the processor dead-lettered a tombstone). As the Projector hands its store function
 * values only, each record is passed as the value of an otherwise identical record: topic, partition and
 * offset stay what the Projector's offset bookkeeping reads, and no value is ever {@code null}. A record
 * without readable dead-letter headers fails to store with an {@code EventDecodingException}; the error
 * handler then writes the original record to {@code subscriber.dlq.v1} ({@code UNDECODABLE}), so nothing
 * is lost silently, and the partition goes on.
 *
 * <p>Its consumer group is the service's with {@code .dead-letters} appended, reading with
 * {@code read_committed} like every projection.
 */
@Component
class DeadLetterProjection {

    private final DeadLetterRepository deadLetters;
    private final Projector projector;
    private final ProjectionCounters counters;

    DeadLetterProjection(DeadLetterRepository deadLetters, Projector projector, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.projector = projector;
        this.counters = ProjectionCounters.register(meters, "processor-dead-letters",
                "Dead letters of the processor (payments.dlq.v1)");
    }

    @KafkaListener(id = "dead-letters", groupId = "${spring.kafka.consumer.group-id}.dead-letters",
            topics = "#{T(dev.paymon.events.Topics).PAYMENTS_DLQ.name()}",
            containerFactory = ListenerContainerFactories.DEAD_LETTERS)
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        projector.project(records.stream().map(DeadLetterProjection::asItsOwnValue).toList(), consumer,
                "dead letter", record -> deadLetters.insert(StoredDeadLetter.from(record)), counters);
    }

    private static ConsumerRecord<String, ConsumerRecord<String, byte[]>> asItsOwnValue(
            ConsumerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(),
                record, record.headers(), record.leaderEpoch(), record.deliveryCount());
    }
}
