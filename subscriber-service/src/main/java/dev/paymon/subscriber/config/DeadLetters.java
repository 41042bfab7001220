package dev.paymon.subscriber.config;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Writes a record to {@code subscriber.dlq.v1} with its original key and bytes and {@link DeadLetter}
 * headers, and counts it by reason. {@link #publish} returns only once the broker has the record (it
 * throws otherwise), so a caller may then record the record's offset as handled.
 */
public class DeadLetters {

    static final String DEAD_LETTERS_METRIC = "paymon.subscriber.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry meters;

    DeadLetters(KafkaTemplate<String, Object> template, MeterRegistry meters) {
        // A negative partition lets the producer partition by the original key.
        this.publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.SUBSCRIBER_DLQ.name(), -1));
        this.publisher.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            Failures.deadLetter(record, failure).writeTo(headers);
            return headers;
        });
        this.meters = meters;
    }

    /** Dead-letters {@code record}, which failed with {@code failure}; waits for the broker's acknowledgement. */
    public void publish(ConsumerRecord<?, ?> record, Exception failure) {
        publisher.accept(record, failure);
        DeadLetter deadLetter = Failures.deadLetter(record, failure);
        log.warn("Dead-lettered {}-{}@{} to {}: {} at {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.SUBSCRIBER_DLQ.name(), deadLetter.reason(), deadLetter.stage(), deadLetter.detail());
        Counter.builder(DEAD_LETTERS_METRIC)
                .description("Records written to the subscriber's dead-letter topic, by reason")
                .tag("reason", deadLetter.reason().name())
                .register(meters)
                .increment();
    }
}
