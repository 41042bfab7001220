package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The error headers of dead-letter records: written as text, read back to the same record. */
class DeadLetterTests {

    private static final DeadLetter INVALID = new DeadLetter(DeadLetterReason.INVALID_EVENT, "validate",
            "currency: must be an ISO 4217 currency code, was 'eur'", "payments.initiated.v1", 3, 42L);

    @Test
    void writesErrorHeadersAsTextAndReadsThemBack() {
        Headers headers = new RecordHeaders();

        INVALID.writeTo(headers);

        assertThat(Arrays.stream(headers.toArray()).map(h -> h.key() + "=" + new String(h.value(), UTF_8)).toList())
                .containsExactly("dlq_reason=INVALID_EVENT", "dlq_stage=validate",
                        "dlq_detail=currency: must be an ISO 4217 currency code, was 'eur'",
                        "dlq_source_topic=payments.initiated.v1", "dlq_source_partition=3", "dlq_source_offset=42");
        assertThat(DeadLetter.readFrom(headers)).isEqualTo(INVALID);
    }

    @Test
    void replacesEarlierErrorHeadersAndKeepsTheOthers() {
        Headers headers = new RecordHeaders();
        headers.add(HeaderNames.CE_TYPE, "dev.paymon.payment.initiated".getBytes(UTF_8));
        INVALID.writeTo(headers);
        DeadLetter late = new DeadLetter(DeadLetterReason.LATE_EVENT, "window", "31 s after the grace period",
                "payments.initiated.v1", 5, 7_000_000_000L);

        late.writeTo(headers);

        assertThat(DeadLetter.readFrom(headers)).isEqualTo(late);
        assertThat(headers.toArray()).hasSize(7);
        assertThat(CloudEvents.text(headers, HeaderNames.CE_TYPE)).isEqualTo("dev.paymon.payment.initiated");
    }

    @Test
    void cutsDetailToAThousandCharactersAndTreatsMissingDetailAsEmpty() {
        DeadLetter longDetail = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "x".repeat(5000), "t", 0, 0);
        DeadLetter noDetail = new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", null, "t", 0, 0);

        assertThat(longDetail.detail()).isEqualTo("x".repeat(1000));
        assertThat(noDetail.detail()).isEmpty();
    }

    @Test
    void requiresReasonAndStage() {
        assertThatThrownBy(() -> new DeadLetter(null, "decode", "d", "t", 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason and stage are required");
        assertThatThrownBy(() -> new DeadLetter(DeadLetterReason.UNDECODABLE, null, "d", "t", 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason and stage are required");
    }

    @Test
    void refusesToReadARecordThatWasNotDeadLettered() {
        assertThatThrownBy(() -> DeadLetter.readFrom(new RecordHeaders()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a dead-letter record: no dlq_reason header");
    }
}
