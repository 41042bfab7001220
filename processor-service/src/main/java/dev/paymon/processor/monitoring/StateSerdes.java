package dev.paymon.processor.monitoring;

import dev.paymon.processor.rules.Sighting;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary values of the monitor's state stores. Every payment reads and writes several of them (the
 * account's sightings within the travel gap, its window, its day's spend), and as JSON their parsing (instants,
 * decimals) was the largest cost per payment. A value starts with its format's version (1, or 2 for windows, which
 * gained the count of late payments; version 1 is still read, as none); a value starting with {@code '{'} is the JSON
 * written by earlier releases and is still read, so existing state and changelogs need no migration. Decimals keep
 * their scale (written as their string form).
 */
final class StateSerdes {

    static final byte VERSION = 1;
    /** Windows since they count late payments. */
    static final byte WINDOWS_VERSION = 2;
    private static final byte JSON_START = '{';

    private StateSerdes() {
    }

    static Serde<Sighting> sightings() {
        return serde(Sighting.class, VERSION, (sighting, out) -> {
            out.writeUTF(sighting.paymentId());
            out.writeUTF(sighting.country());
            out.writeLong(sighting.occurredAt().getEpochSecond());
            out.writeInt(sighting.occurredAt().getNano());
        }, (in, version) -> new Sighting(in.readUTF(), in.readUTF(), Instant.ofEpochSecond(in.readLong(), in.readInt())));
    }

    static Serde<SightingCountries> sightingCountries() {
        return serde(SightingCountries.class, VERSION, (countries, out) -> {
            out.writeInt(countries.latest().size());
            for (Map.Entry<String, Long> entry : countries.latest().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeLong(entry.getValue());
            }
        }, (in, version) -> {
            int size = in.readInt();
            Map<String, Long> latest = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                latest.put(in.readUTF(), in.readLong());
            }
            return new SightingCountries(latest);
        });
    }

    static Serde<DailySpend> dailySpend() {
        return serde(DailySpend.class, VERSION, (spend, out) -> {
            out.writeUTF(spend.total().toString());
            out.writeBoolean(spend.alerted());
        }, (in, version) -> new DailySpend(new BigDecimal(in.readUTF()), in.readBoolean()));
    }

    static Serde<WindowAggregate> windows() {
        return serde(WindowAggregate.class, WINDOWS_VERSION, (window, out) -> {
            out.writeLong(window.count());
            out.writeUTF(window.totalBase().toString());
            out.writeUTF(window.maxBase().toString());
            out.writeInt(window.paymentIds().size());
            for (String id : window.paymentIds()) {
                out.writeUTF(id);
            }
            out.writeLong(window.late());
        }, (in, version) -> {
            long count = in.readLong();
            BigDecimal total = new BigDecimal(in.readUTF());
            BigDecimal max = new BigDecimal(in.readUTF());
            int ids = in.readInt();
            List<String> paymentIds = new ArrayList<>(ids);
            for (int i = 0; i < ids; i++) {
                paymentIds.add(in.readUTF());
            }
            long late = version >= WINDOWS_VERSION ? in.readLong() : 0;
            return new WindowAggregate(count, total, max, List.copyOf(paymentIds), late);
        });
    }

    private static <T> Serde<T> serde(Class<T> type, byte version, Writer<T> writer, Reader<T> reader) {
        Deserializer<T> json = JsonSerde.of(type).deserializer();
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value, version, writer),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    return bytes.length > 0 && bytes[0] == JSON_START ? json.deserialize(topic, bytes)
                            : read(bytes, version, reader);
                });
    }

    private static <T> byte[] write(T value, byte version, Writer<T> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, byte current, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version < VERSION || version > current) {
                throw new IllegalStateException("unknown state value version " + version);
            }
            return reader.read(in, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in, byte version) throws IOException;
    }
}
