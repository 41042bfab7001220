package dev.paymon.processor.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses event times more than {@code maxAhead} ahead of the processor's clock. One such payment
 * would push its task's event-time watermark ahead and make every other payment of the partition
 * late; and a record timestamped more than {@code log.message.timestamp.after.max.ms} (1 h by default)
 * ahead is refused by the broker, which would fail the stream thread over and over.
 */
final class EventTimeLimit {

    private final Clock clock;
    private final Duration maxAhead;

    EventTimeLimit(Clock clock, Duration maxAhead) {
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    /** The time unchanged, or invalid when it is too far ahead. */
    EventTime check(EventTime time) {
        if (!time.valid() || time.epochMillis() <= clock.millis() + maxAhead.toMillis()) {
            return time;
        }
        return new EventTime(true, -1, false, EventTime.FIELD + ": more than " + maxAhead
                + " ahead of the processor's clock, was " + Instant.ofEpochMilli(time.epochMillis()));
    }
}
