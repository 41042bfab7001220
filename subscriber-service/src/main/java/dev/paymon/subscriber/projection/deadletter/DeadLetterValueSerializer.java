package dev.paymon.subscriber.projection.deadletter;

import dev.paymon.events.Event;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventType;
import dev.paymon.events.EventTypes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values of dead-letter records. A record that could not be decoded arrives as its original bytes
 * and is written unchanged; one that decoded but failed later arrives as its event and is written as
 * the event's JSON, without touching the CloudEvents headers copied from the original record.
 *
 * <p>Public only because the Kafka producer instantiates it by class name.
 */
public final class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof Event event) {
            EventType<?> type = EventTypes.ALL.stream()
                    .filter(candidate -> candidate.javaType() == event.getClass())
                    .findFirst()
                    .orElseThrow(() -> new SerializationException("no event type for " + event.getClass()));
            return write(type, event);
        }
        throw new SerializationException("cannot dead-letter a value of " + value.getClass());
    }

    @SuppressWarnings("unchecked") // the type was looked up by the event's class
    private static <T extends Event> byte[] write(EventType<T> type, Event event) {
        return EventJson.write(type, (T) event);
    }
}
