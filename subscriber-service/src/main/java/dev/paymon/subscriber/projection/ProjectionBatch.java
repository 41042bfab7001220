package dev.paymon.subscriber.projection;

import dev.paymon.events.EventDecodingException;
import dev.paymon.subscriber.projection.ConsumerOffsetRepository.Position;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One polled batch of a projected topic, applied to the database inside the caller's transaction: each decoded value
 * handed to the projection's {@code apply} function, records that did not decode dead-lettered, and per partition the
 * offset after the last handled record saved. Records below a partition's stored offset were applied by an earlier
 * transaction and are skipped. {@link #applyAll()} does this for the whole batch with one {@link ValueStore#storeAll};
 * {@link #apply(int)} value by value, reporting the record that failed.
 *
 * <p>Values that were new to the projection are announced on the live stream unless their record lies below
 * the partition's {@code stream_from} (a rebuild's replay): the announcements are collected and handed to the
 * {@link StreamOutbox} once, at the end of the batch, inside the same transaction.
 *
 * <p>Both first lock and check the batch's stored positions ({@link StoredPositions}): if one moved, they apply
 * nothing and throw {@link StoredPositions.Fenced}, and the caller seeks.
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
     * What a committed application of the batch did, for the metrics and the consumer's positions.
     *
     * @param live  the records whose values were stored as new, except replays of history by a rebuild
     * @param saved the next offset saved for each partition the batch advanced
     */
    record Applied<T>(int stored, int duplicates, List<ConsumerRecord<String, T>> live,
                      Map<TopicPartition, Long> saved) {
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
    private final ValueStore<T> apply;
    private final Function<T, StreamAnnouncement> announce;
    private final StoredPositions positions;
    private final StreamOutbox outbox;
    private final DeadLetterSink deadLetters;
    private final ObservationRegistry observations;

    /**
     * @param what     the noun for one value, for dead-letter details ("payment")
     * @param apply    stores one value; {@code true} when it changed the projection, {@code false} for a duplicate
     * @param announce the stream announcement of a value {@code apply} stored, or {@code null} for none
     */
    ProjectionBatch(String group, String what, List<ConsumerRecord<String, T>> records, ValueStore<T> apply,
                    Function<T, StreamAnnouncement> announce, ConsumerOffsetRepository offsets,
                    ConsumerPositions consumerPositions, StreamOutbox outbox, DeadLetterSink deadLetters,
                    ObservationRegistry observations) {
        this.group = group;
        this.what = what;
        this.records = records;
        this.apply = apply;
        this.announce = announce;
        this.positions = new StoredPositions(group, offsets, consumerPositions);
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.observations = observations;
    }

    /**
     * Applies every record with one {@link ValueStore#storeAll} for the batch's values and one batch of offset
     * statements: the fast path, with the effect of {@link #apply(int) apply(records.size())}. When it throws, the
     * caller rolls back and applies the records one by one to find the one that failed.
     */
    Applied<T> applyAll() {
        Map<TopicPartition, Position> positions = this.positions.lock(records);
        Map<TopicPartition, Long> next = new HashMap<>();
        positions.forEach((partition, position) -> next.put(partition, position.nextOffset()));
        Map<TopicPartition, Long> advanced = new LinkedHashMap<>();
        List<ConsumerRecord<String, T>> pending = new ArrayList<>();
        List<Boolean> replays = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, T> record = records.get(index);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < next.get(partition)) {
                continue;
            }
            boolean replay = record.offset() < positions.get(partition).streamFrom();
            if (record.value() == null) {
                if (!replay) {
                    // In the record's trace, like the rest of its handling: the dead letter's log line carries it.
                    observation(record).observe(() -> deadLetter(record));
                }
            } else {
                pending.add(record);
                replays.add(replay);
            }
            next.put(partition, record.offset() + 1);
            advanced.put(partition, record.offset() + 1);
        }
        boolean[] stored = pending.isEmpty() ? new boolean[0] : storeObserved(pending);
        List<StreamAnnouncement> announcements = new ArrayList<>();
        List<ConsumerRecord<String, T>> live = new ArrayList<>();
        int storedCount = 0;
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                storedCount++;
                if (!replays.get(i)) {
                    announce(pending.get(i), announcements);
                    live.add(pending.get(i));
                }
            }
        }
        this.positions.save(advanced);
        if (!announcements.isEmpty()) {
            outbox.append(announcements);
        }
        return new Applied<>(storedCount, pending.size() - storedCount, live, advanced);
    }

    /**
     * Stores the values of {@code pending} at once, each record observed (its trace continued) around the batched
     * work it is part of.
     */
    private boolean[] storeObserved(List<ConsumerRecord<String, T>> pending) {
        List<Observation> observed = pending.stream().map(record -> observation(record).start()).toList();
        try {
            boolean[] stored = apply.storeAll(pending.stream().map(ConsumerRecord::value).toList());
            observed.forEach(Observation::stop);
            return stored;
        } catch (RuntimeException e) {
            observed.forEach(observation -> observation.error(e).stop());
            throw e;
        }
    }

    /** Applies the records before {@code end}; throws {@link RecordFailed} naming the record that failed. */
    Applied<T> apply(int end) {
        Map<TopicPartition, Position> positions = this.positions.lock(records);
        Map<TopicPartition, Long> next = new HashMap<>();
        positions.forEach((partition, position) -> next.put(partition, position.nextOffset()));
        Set<TopicPartition> advanced = new LinkedHashSet<>();
        List<StreamAnnouncement> announcements = new ArrayList<>();
        List<ConsumerRecord<String, T>> live = new ArrayList<>();
        int stored = 0;
        int duplicates = 0;
        for (int index = 0; index < end; index++) {
            ConsumerRecord<String, T> record = records.get(index);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                if (record.offset() < next.get(partition)) {
                    continue;
                }
                boolean replay = record.offset() < positions.get(partition).streamFrom();
                Handled handled = observation(record).observe(() -> handle(record, replay));
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
        Map<TopicPartition, Long> saved = new LinkedHashMap<>();
        advanced.forEach(partition -> saved.put(partition, next.get(partition)));
        this.positions.save(saved);
        if (!announcements.isEmpty()) {
            outbox.append(announcements);
        }
        return new Applied<>(stored, duplicates, live, saved);
    }

    /** Dead-letters a record without a value (unless a rebuild replays it), or applies its value. */
    private Handled handle(ConsumerRecord<String, T> record, boolean replay) {
        if (record.value() == null) {
            if (!replay) {
                deadLetter(record);
            }
            return Handled.DEAD_LETTERED;
        }
        return apply.store(record.value()) ? Handled.STORED : Handled.DUPLICATE;
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

    /** Once only, however often the batch is applied again ({@link DeadLetterSink}). */
    private void deadLetter(ConsumerRecord<String, T> record) {
        DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        deadLetters.publish(record, undecodable != null ? undecodable
                : new EventDecodingException("a record without a value (tombstone) is no " + what));
    }
}
