package dev.paymon.publisher;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A payment request as {@link PaymentFuzzer} mutates it: its fields in order, each a raw JSON value, where a name may
 * appear twice and a string may hold bytes that are not UTF-8.
 */
final class FuzzPayment {

    private static final String RAW = "@@RAW@@";

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private final List<byte[]> raw = new ArrayList<>();

    void add(String field, String json) {
        fields.add(Map.entry(field, json));
    }

    /** Replaces the first value of the field, or adds it. */
    void set(String field, String json) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getKey().equals(field)) {
                fields.set(i, Map.entry(field, json));
                return;
            }
        }
        add(field, json);
    }

    /** The first value of the field, or {@code null}. */
    String get(String field) {
        return fields.stream().filter(entry -> entry.getKey().equals(field)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    void remove(String field) {
        fields.removeIf(entry -> entry.getKey().equals(field));
    }

    /** Sets the field to a string holding exactly these bytes between an {@code a} and a {@code b}. */
    void raw(String field, byte[] bytes) {
        set(field, "\"a" + RAW + raw.size() + RAW + "b\"");
        raw.add(bytes);
    }

    void shuffle(Random random) {
        Collections.shuffle(fields, random);
    }

    /** The JSON object as bytes: UTF-8, but for the raw bytes of {@link #raw}. */
    byte[] render() {
        String json = fields.stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        byte[] utf8 = json.getBytes(UTF_8);
        // Positions in a Latin-1 reading are byte positions.
        String bytes = new String(utf8, ISO_8859_1);
        Map<Integer, Integer> markerAt = new TreeMap<>();
        for (int i = 0; i < raw.size(); i++) {
            markerAt.put(bytes.indexOf(RAW + i + RAW), i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (Map.Entry<Integer, Integer> marker : markerAt.entrySet()) {
            out.write(utf8, at, marker.getKey() - at);
            out.writeBytes(raw.get(marker.getValue()));
            at = marker.getKey() + (RAW + marker.getValue() + RAW).length();
        }
        out.write(utf8, at, utf8.length - at);
        return out.toByteArray();
    }
}
