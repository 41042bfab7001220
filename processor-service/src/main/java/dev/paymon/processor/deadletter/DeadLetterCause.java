package dev.paymon.processor.deadletter;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.InvalidEventException;

/**
 * Why a record is rejected, before we know where it came from: the {@code DeadLetter} headers
 * without the source coordinates, which are added when the record is written to the DLQ.
 *
 * @param stage the processing step that rejected it: {@code decode}, {@code validate}, {@code enrich}...
 */
public record DeadLetterCause(DeadLetterReason reason, String stage, String detail) {

    public static final String DECODE = "decode";
    public static final String VALIDATE = "validate";

    /**
     * Classifies a failure to read an event: undecodable bytes, invalid fields, or (anything else)
     * an unexpected error while decoding.
     */
    public static DeadLetterCause ofUnreadable(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException invalid) {
                return new DeadLetterCause(DeadLetterReason.INVALID_EVENT, VALIDATE, invalid.getMessage());
            }
            if (cause instanceof EventDecodingException undecodable) {
                return new DeadLetterCause(DeadLetterReason.UNDECODABLE, DECODE, undecodable.getMessage());
            }
        }
        return new DeadLetterCause(DeadLetterReason.PROCESSING_ERROR, DECODE, failure.toString());
    }
}
