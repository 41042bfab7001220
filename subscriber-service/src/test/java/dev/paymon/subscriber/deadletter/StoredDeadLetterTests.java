package dev.paymon.subscriber.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.HeaderNames;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class StoredDeadLetterTests {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:31.250Z");
    private static final DeadLetter INVALID = new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate",
            "amount: must be positive", "payments.initiated.v1", 4, 17);

    @Test
    void readsWhyFromTheHeadersAndWhereFromTheRecord() {
        StoredDeadLetter stored = StoredDeadLetter.from(record("acc-1", "{\"amount\": -1}".getBytes(UTF_8),
                headers(INVALID)));

        assertThat(stored).isEqualTo(new StoredDeadLetter(2, 40, "acc-1", AT, INVALID));
    }

    @Test
    void readsADeadLetteredTombstoneWithoutAKeyLikeAnyOtherDeadLetter() {
        DeadLetter tombstone = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "no bytes",
                "payments.initiated.v1", 0, 3);

        assertThat(StoredDeadLetter.from(record(null, null, headers(tombstone))))
                .isEqualTo(new StoredDeadLetter(2, 40, null, AT, tombstone));
    }

    @Test
    void rejectsARecordWithoutDeadLetterHeadersAsUndecodable() {
        assertThatThrownBy(() -> StoredDeadLetter.from(record("acc-1", "{}".getBytes(UTF_8), new RecordHeaders())))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("no readable dead-letter headers: not a dead-letter record: no dlq_reason header");
    }

    @Test
    void rejectsAnUnknownReasonOrAMissingSourceOffsetAsUndecodable() {
        Headers unknownReason = headers(INVALID);
        unknownReason.remove(HeaderNames.DLQ_REASON);
        unknownReason.add(HeaderNames.DLQ_REASON, "SMURFING".getBytes(UTF_8));
        Headers noOffset = headers(INVALID);
        noOffset.remove(HeaderNames.DLQ_SOURCE_OFFSET);

        assertThatThrownBy(() -> StoredDeadLetter.from(record("acc-1", null, unknownReason)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("no readable dead-letter headers: ").hasMessageContaining("SMURFING");
        assertThatThrownBy(() -> StoredDeadLetter.from(record("acc-1", null, noOffset)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("no readable dead-letter headers: ");
    }

    private static Headers headers(DeadLetter deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        deadLetter.writeTo(headers);
        return headers;
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value, Headers headers) {
        return new ConsumerRecord<>("payments.dlq.v1", 2, 40, AT.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                key, value, headers, Optional.empty());
    }
}
