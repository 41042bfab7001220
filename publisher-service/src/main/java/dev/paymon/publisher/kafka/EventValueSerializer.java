package dev.paymon.publisher.kafka;

import dev.paymon.events.Event;
import dev.paymon.events.Topic;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The producer's value serializer: picks the value serde of the record's topic ({@link Topic#valueSerde}),
 * which writes the event's JSON and its CloudEvents headers. One producer thus serves every topic this
 * service writes, and a record can only be written with the event type its topic declares.
 */
final class EventValueSerializer implements Serializer<Event> {

    /** The CloudEvents {@code ce_source} of everything this service publishes. */
    static final String SOURCE = "/paymon/publisher";

    private final Map<String, Topic<?>> topics;
    private final Map<String, Serializer<Event>> serializers;

    @SuppressWarnings("unchecked")
    EventValueSerializer(List<Topic<? extends Event>> topics) {
        this.topics = topics.stream().collect(Collectors.toMap(Topic::name, Function.identity()));
        this.serializers = topics.stream().collect(Collectors.toMap(Topic::name,
                topic -> (Serializer<Event>) topic.valueSerde(SOURCE).serializer()));
    }

    @Override
    public byte[] serialize(String topic, Event event) {
        return serialize(topic, new RecordHeaders(), event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Event event) {
        Serializer<Event> serializer = serializers.get(topic);
        if (serializer == null) {
            throw new SerializationException("the publisher writes no events to topic " + topic);
        }
        Class<?> expected = topics.get(topic).eventType().javaType();
        if (event != null && !expected.isInstance(event)) {
            throw new SerializationException(topic + " takes " + expected.getSimpleName() + ", not "
                    + event.getClass().getSimpleName());
        }
        return serializer.serialize(topic, headers, event);
    }
}
