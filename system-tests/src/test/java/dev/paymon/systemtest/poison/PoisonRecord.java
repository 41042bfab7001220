package dev.paymon.systemtest.poison;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.DeadLetterReason;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record no consumer can use, written straight to an input topic, and the reason it must be dead-lettered with.
 *
 * @param value   the exact bytes, {@code null} for a tombstone
 * @param headers the record's headers, none for a record written by a tool that knows nothing of CloudEvents
 */
record PoisonRecord(String name, String topic, String key, byte[] value, List<Header> headers,
                    DeadLetterReason reason) {

    RecordHeaders recordHeaders() {
        return new RecordHeaders(headers.toArray(Header[]::new));
    }

    /** Where it landed: what the dead letter must name as its source. */
    record Placed(PoisonRecord poison, int partition, long offset) {

        @Override
        public String toString() {
            return poison.topic() + "-" + partition + "@" + offset + " (" + poison.name() + ", "
                    + (poison.value() == null ? "tombstone" : abbreviate(new String(poison.value(), UTF_8))) + ")";
        }

        private static String abbreviate(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "...";
        }
    }
}
