package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.kafka.common.header.Headers;

/**
 * The error headers of a dead-letter record. The record keeps its original key and bytes, so it can
 * be inspected and replayed; these headers say why and where it failed.
 *
 * @param stage  the processing step that rejected it, e.g. {@code decode}, {@code validate}, {@code enrich}
 * @param detail a human-readable explanation
 */
public record DeadLetter(
        DeadLetterReason reason,
        String stage,
        String detail,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset) {

    private static final int MAX_DETAIL = 1000;

    public DeadLetter {
        if (reason == null || stage == null) {
            throw new IllegalArgumentException("reason and stage are required");
        }
        sourceTopic = sourceTopic == null ? "" : sourceTopic;
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }

    /** Adds the error headers, replacing earlier ones (a record can be dead-lettered again after a replay). */
    public void writeTo(Headers headers) {
        put(headers, HeaderNames.DLQ_REASON, reason.name());
        put(headers, HeaderNames.DLQ_STAGE, stage);
        put(headers, HeaderNames.DLQ_DETAIL, detail);
        put(headers, HeaderNames.DLQ_SOURCE_TOPIC, sourceTopic);
        put(headers, HeaderNames.DLQ_SOURCE_PARTITION, Integer.toString(sourcePartition));
        put(headers, HeaderNames.DLQ_SOURCE_OFFSET, Long.toString(sourceOffset));
    }

    /** Reads the error headers of a dead-letter record. */
    public static DeadLetter readFrom(Headers headers) {
        String reason = CloudEvents.text(headers, HeaderNames.DLQ_REASON);
        if (reason == null) {
            throw new IllegalArgumentException("not a dead-letter record: no " + HeaderNames.DLQ_REASON + " header");
        }
        return new DeadLetter(
                DeadLetterReason.valueOf(reason),
                CloudEvents.text(headers, HeaderNames.DLQ_STAGE),
                CloudEvents.text(headers, HeaderNames.DLQ_DETAIL),
                CloudEvents.text(headers, HeaderNames.DLQ_SOURCE_TOPIC),
                Integer.parseInt(CloudEvents.text(headers, HeaderNames.DLQ_SOURCE_PARTITION)),
                Long.parseLong(CloudEvents.text(headers, HeaderNames.DLQ_SOURCE_OFFSET)));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(UTF_8));
    }
}
