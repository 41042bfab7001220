package dev.paymon.events;

import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of event: its CloudEvents type, record class, current schema version and the upcasters
 * that turn an older version's JSON into the next version's, so a reader accepts older events.
 *
 * @param type       the CloudEvents {@code ce_type}
 * @param javaType   the record the JSON maps to
 * @param version    the schema version this code writes
 * @param upcasters  for each older version {@code n}, the step from {@code n} to {@code n + 1}
 */
public record EventType<T extends Event>(
        String type,
        Class<T> javaType,
        int version,
        Map<Integer, UnaryOperator<ObjectNode>> upcasters) {

    public EventType {
        upcasters = Map.copyOf(upcasters);
        for (int older = 1; older < version; older++) {
            if (!upcasters.containsKey(older)) {
                throw new IllegalArgumentException(type + " lacks an upcaster from version " + older);
            }
        }
    }

    static <T extends Event> EventType<T> of(String type, Class<T> javaType) {
        return new EventType<>(type, javaType, 1, Map.of());
    }

    /** Name of the JSON Schema resource of this type's current version, under {@code /schemas}. */
    public String schemaResource() {
        return "/schemas/" + type + ".v" + version + ".schema.json";
    }
}
