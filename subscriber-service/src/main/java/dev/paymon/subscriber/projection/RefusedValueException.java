package dev.paymon.subscriber.projection;

import dev.paymon.events.DeadLetterReason;

/**
 * A projection refuses a decoded value for what it is, not for a failure of the moment: for example a payment whose
 * id is already stored for a different payment ({@link DeadLetterReason#PAYMENT_ID_CONFLICT}). Retrying cannot help;
 * the record goes to {@code subscriber.dlq.v1} with {@link #reason()}, and the partition goes on.
 */
public class RefusedValueException extends RuntimeException {

    private final DeadLetterReason reason;

    public RefusedValueException(DeadLetterReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
