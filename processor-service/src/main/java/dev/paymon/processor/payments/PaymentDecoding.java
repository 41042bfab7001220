package dev.paymon.processor.payments;

import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.processor.deadletter.Rejection;

/**
 * Reads {@code payments.initiated.v1} values inside the topology rather than in a serde, so a bad
 * record becomes a rejection (and a DLQ record in the same exactly-once transaction) instead of a
 * deserialization failure.
 */
final class PaymentDecoding {

    private PaymentDecoding() {
    }

    static Attempt<PaymentInitiated> decode(byte[] value) {
        try {
            return Attempt.accepted(value, EventJson.read(EventTypes.PAYMENT_INITIATED, value));
        } catch (RuntimeException unreadable) {
            return Attempt.rejected(value, Rejection.ofUnreadable(unreadable));
        }
    }
}
