package dev.paymon.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.FieldViolation;
import dev.paymon.events.InvalidEventException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterCauseTests {

    @Test
    void classifiesUndecodableBytes() {
        assertThat(DeadLetterCause.ofUnreadable(new EventDecodingException("not JSON: x")))
                .isEqualTo(new DeadLetterCause(DeadLetterReason.UNDECODABLE, "decode", "not JSON: x"));
    }

    @Test
    void classifiesInvalidFields() {
        InvalidEventException invalid = new InvalidEventException(List.of(new FieldViolation("amount", "must be > 0")));

        assertThat(DeadLetterCause.ofUnreadable(invalid))
                .isEqualTo(new DeadLetterCause(DeadLetterReason.INVALID_EVENT, "validate", "amount: must be > 0"));
    }

    @Test
    void findsTheCauseInsideAWrappingException() {
        SerializationException wrapped = new SerializationException("wrapped", new EventDecodingException("bad"));

        assertThat(DeadLetterCause.ofUnreadable(wrapped))
                .isEqualTo(new DeadLetterCause(DeadLetterReason.UNDECODABLE, "decode", "bad"));
    }

    @Test
    void classifiesAnythingElseAsProcessingError() {
        assertThat(DeadLetterCause.ofUnreadable(new IllegalStateException("boom")))
                .isEqualTo(new DeadLetterCause(DeadLetterReason.PROCESSING_ERROR, "decode", "java.lang.IllegalStateException: boom"));
    }
}
