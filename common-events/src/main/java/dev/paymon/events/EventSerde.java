package dev.paymon.events;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one event type: JSON values with CloudEvents headers. Works for plain producers,
 * Spring's {@code KafkaTemplate} and Kafka Streams alike, since all pass the record headers to the
 * serializer.
 *
 * <p>The deserializer refuses a record whose {@code ce_type} names another event type, and throws
 * {@link EventDecodingException} or {@link InvalidEventException} for bad values, so consumers can
 * dead-letter them with a precise reason.
 */
public final class EventSerde<T extends Event> implements Serde<T> {

    private final EventType<T> type;
    private final String source;

    /** @param source the CloudEvents {@code ce_source} this process writes, e.g. {@code /paymon/publisher} */
    public EventSerde(EventType<T> type, String source) {
        this.type = type;
        this.source = Objects.requireNonNull(source, "source");
    }

    public EventType<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T event) {
                return serialize(topic, new RecordHeaders(), event);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T event) {
                if (event == null) {
                    return null;
                }
                CloudEvents.write(headers, type, event, source);
                return EventJson.write(type, event);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                if (data == null) {
                    return null;
                }
                String ceType = CloudEvents.text(headers, HeaderNames.CE_TYPE);
                if (ceType != null && !ceType.equals(type.type())) {
                    throw new EventDecodingException("expected " + HeaderNames.CE_TYPE + " " + type.type() + " on "
                            + topic + ", was " + ceType);
                }
                return EventJson.read(type, data);
            }
        };
    }
}
