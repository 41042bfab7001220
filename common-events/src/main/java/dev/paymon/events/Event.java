package dev.paymon.events;

import java.time.Instant;

/**
 * An immutable fact published on a Kafka topic. The two accessors feed the CloudEvents headers
 * ({@code ce_id}, {@code ce_time}) so that every producer writes them the same way.
 */
public interface Event {

    /** Identifies this event for de-duplication and tracing ({@code ce_id}). */
    String eventId();

    /** When the fact happened ({@code ce_time}). */
    Instant eventTime();
}
