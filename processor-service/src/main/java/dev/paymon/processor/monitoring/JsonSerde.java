package dev.paymon.processor.monitoring;

import dev.paymon.events.EventJson;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** State-store values as JSON, with the events' mapper (money as decimal strings, ISO instants). */
final class JsonSerde {

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : EventJson.MAPPER.writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : EventJson.MAPPER.readValue(bytes, type));
    }
}
