package dev.paymon.subscriber.config;

import dev.paymon.events.EventDecodingException;
import dev.paymon.subscriber.config.ConsumerOffsetRepository.Position;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One polled batch of a projected topic, applied to the database inside the caller's transaction:
 * each decoded value handed to the projection's {@code apply} function, records that did not decode
 * dead-lettered, and per partition the offset after the last handled record saved. Records below a
 * partition's stored offset were applied by an earlier transaction and are skipped.
 *
 * <p>Values that were new to the projection are announced on the live stream unless their record lies below
 * the partition's {@code stream_from} (a rebuild's replay): the announcements are collected and handed to the
 * {@link StreamOutbox} once, at the end of the batch, inside the same transaction.
 *
 * <p>Each record is handled inside a Kafka listener observation that continues the trace of its
 * {@code traceparent} header (Spring Kafka observes whole batches of a batch listener only before calling it):
 * the database work and log lines of a record belong to the trace that began at the publisher.
 *
 * @param <T> the topic's event type
 */
final class ProjectionBatch<T> {

    private static final LogAccessor LOG = new LogAccessor(ProjectionBatch.class);

    /**
     * What a committed application of the batch did, for the metrics.
     *
     * @param live the records whose values were stored as new, except replays of history by a rebuild
     */
    record Applied<T>(int stored, int duplicates, List<ConsumerRecord<String, T>> live) {
    }

    private enum Handled { STORED, DUPLICATE, DEAD_LETTERED }

    /** The record at {@code index} failed; the transaction is rolled back. */
    static final class RecordFailed extends RuntimeException {

        private final int index;

        RecordFailed(int index, RuntimeException failure) {
            super(failure);
            this.index = index;
        }

        int index() {
            return index;
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    private final String group;
    private final String what;
    private final List<ConsumerRecord<String, T>> records;
    private final Predicate<T> apply;
    private final Function<T, StreamAnnouncement> announce;
    private final ConsumerOffsetRepository offsets;
    private final StreamOutbox outbox;
    private final DeadLetters deadLetters;
    private final ObservationRegistry observations;
    // Dead-lettering is not part of the transaction: a retried prefix must not write them again.
    private final Set<Integer> deadLettered = new HashSet<>();

    /**
     * @param what     the noun for one value, for dead-letter details ("payment")
     * @param apply    stores one value; {@code true} when it changed the projection, {@code false} for a duplicate
     * @param announce the stream announcement of a value {@code apply} stored, or {@code null} for none
     */
    ProjectionBatch(String group, String what, List<ConsumerRecord<String, T>> records, Predicate<T> apply,
                    Function<T, StreamAnnouncement> announce, ConsumerOffsetRepository offsets, StreamOutbox outbox,
                    DeadLetters deadLetters, ObservationRegistry observations) {
        this.group = group;
        this.what = what;
        this.records = records;
        this.apply = apply;
        this.announce = announce;
        this.offsets = offsets;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.observations = observations;
    }

    /** Applies the records before {@code end}; throws {@link RecordFailed} naming the record that failed. */
    Applied<T> apply(int end) {
        Map<TopicPartition, Long> next = new HashMap<>();
        Map<TopicPartition, Long> streamFrom = new HashMap<>();
        Set<TopicPartition> advanced = new LinkedHashSet<>();
        List<StreamAnnouncement> announcements = new ArrayList<>();
        List<ConsumerRecord<String, T>> live = new ArrayList<>();
        int stored = 0;
        int duplicates = 0;
        for (int index = 0; index < end; index++) {
            ConsumerRecord<String, T> record = records.get(index);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                long nextOffset = next.computeIfAbsent(partition, p -> {
                    Position position = offsets.position(group, p).orElse(Position.START);
                    streamFrom.put(p, position.streamFrom());
                    return position.nextOffset();
                });
                if (record.offset() < nextOffset) {
                    continue;
                }
                boolean replay = record.offset() < streamFrom.get(partition);
                int at = index;
                Handled handled = observation(record).observe(() -> handle(at, record, replay));
                if (handled == Handled.STORED) {
                    stored++;
                    if (!replay) {
                        announce(record, announcements);
                        live.add(record);
                    }
                } else if (handled == Handled.DUPLICATE) {
                    duplicates++;
                }
            } catch (RuntimeException e) {
                throw new RecordFailed(index, e);
            }
            next.put(partition, record.offset() + 1);
            advanced.add(partition);
        }
        advanced.forEach(partition -> offsets.save(group, partition, next.get(partition)));
        if (!announcements.isEmpty()) {
            outbox.append(announcements);
        }
        return new Applied<>(stored, duplicates, live);
    }

    /** Dead-letters a record without a value (unless a rebuild replays it), or applies its value. */
    private Handled handle(int index, ConsumerRecord<String, T> record, boolean replay) {
        if (record.value() == null) {
            if (!replay) {
                deadLetter(index, record);
            }
            return Handled.DEAD_LETTERED;
        }
        return apply.test(record.value()) ? Handled.STORED : Handled.DUPLICATE;
    }

    private Observation observation(ConsumerRecord<String, T> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, group, null, group, () -> null), observations);
    }

    /** Announces a newly stored value on the live stream, when the projection describes one. */
    private void announce(ConsumerRecord<String, T> record, List<StreamAnnouncement> announcements) {
        StreamAnnouncement announcement = announce.apply(record.value());
        if (announcement != null) {
            announcements.add(announcement);
        }
    }

    private void deadLetter(int index, ConsumerRecord<String, T> record) {
        if (deadLettered.add(index)) {
            DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            deadLetters.publish(record, undecodable != null ? undecodable
                    : new EventDecodingException("a record without a value (tombstone) is no " + what));
        }
    }
}
