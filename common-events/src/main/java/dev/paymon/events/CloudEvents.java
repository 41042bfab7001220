package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads CloudEvents 1.0 attributes as Kafka headers (binary content mode: the record
 * value is the event's JSON, the attributes are {@code ce_*} headers). Every producer and consumer
 * goes through here, via {@link EventSerde}.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    private static final List<String> ATTRIBUTES = List.of(HeaderNames.CE_ID, HeaderNames.CE_TYPE,
            HeaderNames.CE_SOURCE, HeaderNames.CE_SPECVERSION, HeaderNames.CE_TIME, HeaderNames.CONTENT_TYPE);

    /** The CloudEvents attributes of one record. */
    public record Attributes(String id, String type, String source, String specVersion, Instant time,
                             String contentType) {
    }

    private CloudEvents() {
    }

    /** Replaces any CloudEvents attributes already present (e.g. copied from an input record). */
    public static void write(Headers headers, EventType<?> type, Event event, String source) {
        ATTRIBUTES.forEach(headers::remove);
        add(headers, HeaderNames.CE_ID, event.eventId());
        add(headers, HeaderNames.CE_TYPE, type.type());
        add(headers, HeaderNames.CE_SOURCE, source);
        add(headers, HeaderNames.CE_SPECVERSION, SPEC_VERSION);
        add(headers, HeaderNames.CE_TIME, event.eventTime().toString());
        add(headers, HeaderNames.CONTENT_TYPE, JSON);
    }

    /** Reads the attributes; a missing attribute is {@code null} (records written by other tools may lack them). */
    public static Attributes read(Headers headers) {
        String time = text(headers, HeaderNames.CE_TIME);
        return new Attributes(
                text(headers, HeaderNames.CE_ID),
                text(headers, HeaderNames.CE_TYPE),
                text(headers, HeaderNames.CE_SOURCE),
                text(headers, HeaderNames.CE_SPECVERSION),
                time == null ? null : Instant.parse(time),
                text(headers, HeaderNames.CONTENT_TYPE));
    }

    /** The last value of a header as UTF-8 text, or {@code null}. */
    public static String text(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(UTF_8));
    }
}
