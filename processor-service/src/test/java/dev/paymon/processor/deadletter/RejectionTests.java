package dev.paymon.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.FieldViolation;
import dev.paymon.events.InvalidEventException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RejectionTests {

    @Test
    void classifiesUndecodableBytes() {
        assertThat(Rejection.ofUnreadable(new EventDecodingException("not JSON: x")))
                .isEqualTo(new Rejection(DeadLetterReason.UNDECODABLE, "decode", "not JSON: x"));
    }

    @Test
    void classifiesInvalidFields() {
        InvalidEventException invalid = new InvalidEventException(List.of(new FieldViolation("amount", "must be > 0")));

        assertThat(Rejection.ofUnreadable(invalid))
                .isEqualTo(new Rejection(DeadLetterReason.INVALID_EVENT, "validate", "amount: must be > 0"));
    }

    @Test
    void findsTheCauseInsideAWrappingException() {
        SerializationException wrapped = new SerializationException("wrapped", new EventDecodingException("bad"));

        assertThat(Rejection.ofUnreadable(wrapped))
                .isEqualTo(new Rejection(DeadLetterReason.UNDECODABLE, "decode", "bad"));
    }

    @Test
    void classifiesAnythingElseAsProcessingError() {
        assertThat(Rejection.ofUnreadable(new IllegalStateException("boom")))
                .isEqualTo(new Rejection(DeadLetterReason.PROCESSING_ERROR, "decode", "java.lang.IllegalStateException: boom"));
    }
}
