package dev.paymon.subscriber.projection.deadletter;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.Topics;
import dev.paymon.subscriber.projection.DeadLetterSink;
import dev.paymon.subscriber.projection.FailureTriage;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import dev.paymon.subscriber.projection.deadletter.SubscriberDeadLetterRepository.Entry;
import dev.paymon.subscriber.projection.deadletter.SubscriberDeadLetterRepository.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a record to {@code subscriber.dlq.v1} once, however often it is delivered again (a batch retried around it,
 * a restart): with its original key and bytes, its original headers and the {@link DeadLetter} headers, nothing
 * else; and counts it by reason. {@link #publish} returns only once the broker has the record (it throws otherwise),
 * so a caller may then record the record's offset as handled.
 *
 * <p>Once is kept in {@code subscriber_dead_letters}, in transactions of its own (a batch's rollback does not undo
 * what went to Kafka): the record is recorded with the DLQ partition it goes to and that partition's end offset
 * before it is sent, and marked sent once the broker has it. A record recorded but unsent is one whose sender died
 * in between: it is looked for in its DLQ partition from that offset, and sent only if it is not there. (Two
 * consumers may hold one partition for a moment during a rebalance; should both dead-letter the same record in that
 * moment, the second may send it again. Nothing else sends one twice.)
 */
public class DeadLetterPublisher implements DeadLetterSink {

    static final String DEAD_LETTERS_METRIC = "paymon.subscriber.dead.letters";
    static final String COUNTERS = "subscriber_dead_letters.";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final LogAccessor LOG = new LogAccessor(DeadLetterPublisher.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, Object> template;
    private final SubscriberDeadLetterRepository sent;
    private final ProjectionCountRepository counts;
    private final DeadLetterTopic topic;
    private final TransactionTemplate ownTransaction;
    private final MeterRegistry meters;

    DeadLetterPublisher(KafkaTemplate<String, Object> template, SubscriberDeadLetterRepository sent,
                ProjectionCountRepository counts, DeadLetterTopic topic, PlatformTransactionManager transactions,
                MeterRegistry meters) {
        this.template = template;
        this.sent = sent;
        this.counts = counts;
        this.topic = topic;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
    }

    /** Dead-letters {@code record}, which failed with {@code failure}, unless it was already; waits for the broker. */
    @Override
    public void publish(ConsumerRecord<?, ?> record, Exception failure) {
        DeadLetter deadLetter = FailureTriage.deadLetter(record, failure);
        Source source = new Source(record.topic(), record.partition(), record.offset());
        Claim claim = ownTransaction.execute(status -> sent.lock(source).map(known -> new Claim(known, false))
                .orElseGet(() -> {
                    int partition = partitionFor(record);
                    Entry recorded = new Entry(partition, topic.endOffset(partition), false);
                    sent.record(source, deadLetter.reason().name(), recorded);
                    return new Claim(recorded, true);
                }));
        Entry entry = claim.entry();
        if (entry.sent()) {
            log.debug("{}-{}@{} was dead-lettered before", record.topic(), record.partition(), record.offset());
            return;
        }
        // Recorded earlier but not marked sent: its sender died after recording it, maybe after sending it.
        boolean there = !claim.recordedNow() && topic.holds(entry.dlqPartition(), entry.scanFrom(), source.topic(),
                source.partition(), source.offset());
        if (!there) {
            send(record, deadLetter, entry.dlqPartition());
        }
        boolean first = Boolean.TRUE.equals(ownTransaction.execute(status -> {
            boolean marked = sent.markSent(source);
            if (marked) {
                counts.add(COUNTERS + deadLetter.reason().name(), 1);
            }
            return marked;
        }));
        if (first) {
            log.warn("Dead-lettered {}-{}@{} to {}: {} at {}: {}", record.topic(), record.partition(), record.offset(),
                    Topics.SUBSCRIBER_DLQ.name(), deadLetter.reason(), deadLetter.stage(), deadLetter.detail());
            Counter.builder(DEAD_LETTERS_METRIC)
                    .description("Records written to the subscriber's dead-letter topic, by reason")
                    .tag("reason", deadLetter.reason().name())
                    .register(meters)
                    .increment();
        }
    }

    /** The record's entry, and whether this call recorded it (so nobody can have sent it yet). */
    private record Claim(Entry entry, boolean recordedNow) {
    }

    /** The original key's partition, as the default partitioner picks it; for no key, the source's place. */
    private int partitionFor(ConsumerRecord<?, ?> record) {
        int partitions = template.partitionsFor(Topics.SUBSCRIBER_DLQ.name()).size();
        String key = record.key() instanceof String text ? text
                : record.topic() + "-" + record.partition() + "@" + record.offset();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private void send(ConsumerRecord<?, ?> record, DeadLetter deadLetter, int partition) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().equals(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)
                    && !header.key().equals(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER)) {
                headers.add(header);
            }
        }
        deadLetter.writeTo(headers);
        ProducerRecord<String, Object> out = new ProducerRecord<>(Topics.SUBSCRIBER_DLQ.name(), partition, null,
                record.key() instanceof String key ? key : null, originalValue(record), headers);
        try {
            template.send(out).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not dead-letter " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    /** The bytes as read when they did not decode; otherwise the decoded value (written as its event's JSON). */
    private static Object originalValue(ConsumerRecord<?, ?> record) {
        if (record.value() != null) {
            return record.value();
        }
        DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return undecodable == null ? null : undecodable.getData();
    }
}
