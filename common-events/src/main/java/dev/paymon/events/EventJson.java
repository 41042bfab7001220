package dev.paymon.events;

import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON form of events: ISO-8601 instants, money as decimal strings, and a {@code schemaVersion}
 * field. Reading upgrades older versions through the type's upcasters and ignores unknown fields,
 * so readers accept both the previous and (additively) the next version.
 */
public final class EventJson {

    /** The JSON field holding the schema version; absent means version 1. */
    public static final String VERSION_FIELD = "schemaVersion";

    /** One mapper for events, shareable: Jackson 3 mappers are immutable and thread-safe. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Money sent as a JSON number must not pass through a double, nor lose its scale.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .addModule(new SimpleModule("money-as-string").addSerializer(BigDecimal.class, new PlainDecimal()))
            .build();

    private EventJson() {
    }

    public static <T extends Event> byte[] write(EventType<T> type, T event) {
        ObjectNode json = MAPPER.valueToTree(event);
        json.put(VERSION_FIELD, type.version());
        return MAPPER.writeValueAsBytes(json);
    }

    /**
     * Reads an event of the given type.
     *
     * @throws EventDecodingException when the bytes are not JSON of a known version of the type
     * @throws InvalidEventException  when they are, but a field is missing or invalid
     */
    public static <T extends Event> T read(EventType<T> type, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException("empty value for " + type.type());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        } catch (NumberFormatException e) {
            // Jackson throws this one unwrapped for a number no BigDecimal can hold, e.g. 1e99999999999.
            throw new EventDecodingException("not JSON that can be read: a number is out of range", e);
        }
        if (!(tree instanceof ObjectNode json)) {
            throw new EventDecodingException("not a JSON object for " + type.type());
        }
        ObjectNode current = upgrade(type, json);
        try {
            return MAPPER.treeToValue(current, type.javaType());
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new EventDecodingException("cannot create " + type.type() + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new EventDecodingException("cannot read " + type.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode upgrade(EventType<?> type, ObjectNode json) {
        JsonNode versionNode = json.get(VERSION_FIELD);
        int version = versionNode == null ? 1
                : versionNode.isIntegralNumber() && versionNode.canConvertToInt() ? versionNode.intValue() : -1;
        if (version < 1 || version > type.version()) {
            throw new EventDecodingException("unsupported " + VERSION_FIELD + " " + versionNode + " for " + type.type()
                    + " (this reader knows 1.." + type.version() + ")");
        }
        ObjectNode current = json;
        for (int v = version; v < type.version(); v++) {
            current = type.upcasters().get(v).apply(current);
        }
        current.remove(VERSION_FIELD);
        return current;
    }

    /** Money is written as a plain decimal string so no reader parses it as a binary float. */
    private static final class PlainDecimal extends StdSerializer<BigDecimal> {

        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toPlainString());
        }
    }
}
