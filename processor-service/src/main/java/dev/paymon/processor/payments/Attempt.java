package dev.paymon.processor.payments;

import dev.paymon.processor.deadletter.RejectedRecord;
import dev.paymon.processor.deadletter.DeadLetterCause;

/**
 * The outcome of one step for one input record: a value, or the reason it was rejected. Carries
 * the original bytes along, so a rejection at any step can dead-letter the record exactly as it was
 * read. Lives only between operators of the topology, never in a topic or a store.
 */
record Attempt<T>(byte[] original, T value, DeadLetterCause rejection) {

    static <T> Attempt<T> accepted(byte[] original, T value) {
        return new Attempt<>(original, value, null);
    }

    static <T> Attempt<T> rejected(byte[] original, DeadLetterCause rejection) {
        return new Attempt<>(original, null, rejection);
    }

    boolean isRejected() {
        return rejection != null;
    }

    RejectedRecord toRejected() {
        return new RejectedRecord(original, rejection);
    }
}
