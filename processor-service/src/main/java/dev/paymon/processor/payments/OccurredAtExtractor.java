package dev.paymon.processor.payments;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Gives each payment record its event time, {@code occurredAt}, so Kafka Streams' stream time and the
 * output timestamps follow event time. A record without a usable {@code occurredAt} keeps its own
 * timestamp (or the partition time): never -1, which would make Kafka Streams drop it silently; the
 * decode step then dead-letters it ({@code MISSING_EVENT_TIME}). The same goes for a time too far
 * ahead ({@link EventTimeLimit}), so that no output record gets a timestamp the broker refuses.
 */
final class OccurredAtExtractor implements TimestampExtractor {

    private final EventTimeLimit limit;

    OccurredAtExtractor(EventTimeLimit limit) {
        this.limit = limit;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof byte[] json) {
            EventTime time = limit.check(EventTime.of(json));
            if (time.valid()) {
                return time.epochMillis();
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
