package dev.paymon.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to what SnakeYAML returns (maps, lists, scalars); absent values read as empty. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError("expected a mapping, got: " + value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, entry) -> copy.put(String.valueOf(key), entry));
        return copy;
    }

    static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError("expected a sequence, got: " + value);
        }
        return list;
    }

    /** A scalar as Compose sees it (numbers and booleans as their text), or null. */
    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * Flattens a YAML tree into Spring-style keys: nested mappings joined with {@code .}, list items as
     * {@code [index]}, e.g. {@code spring.kafka.admin.fail-fast}.
     */
    static Map<String, Object> flatten(Object tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, entry, flat));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, value);
        }
    }
}
