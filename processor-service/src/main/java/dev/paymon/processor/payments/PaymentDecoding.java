package dev.paymon.processor.payments;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.processor.deadletter.Rejection;

/**
 * Reads {@code payments.initiated.v1} values inside the topology rather than in a serde, so a bad
 * record becomes a rejection (and a DLQ record in the same exactly-once transaction) instead of a
 * deserialization failure. Reasons, first match wins: {@code UNDECODABLE} (not a JSON object),
 * {@code MISSING_EVENT_TIME} (a JSON object whose {@code occurredAt} is missing, unreadable, before
 * 1970 or too far ahead of the clock ({@link EventTimeLimit}): the payment cannot be placed in a window), then {@code UNDECODABLE} or {@code INVALID_EVENT}
 * for the other fields.
 */
final class PaymentDecoding {

    private final EventTimeLimit limit;

    PaymentDecoding(EventTimeLimit limit) {
        this.limit = limit;
    }

    Attempt<PaymentInitiated> decode(byte[] value) {
        PaymentInitiated payment;
        try {
            payment = EventJson.read(EventTypes.PAYMENT_INITIATED, value);
        } catch (RuntimeException unreadable) {
            EventTime time = EventTime.of(value);
            // Only a missing time is reported here; a time too far ahead loses to the other fields' problems.
            return Attempt.rejected(value, time.isMissing() ? missingEventTime(time) : Rejection.ofUnreadable(unreadable));
        }
        EventTime time = limit.check(EventTime.of(payment.occurredAt()));
        return time.valid() ? Attempt.accepted(value, payment) : Attempt.rejected(value, missingEventTime(time));
    }

    private static Rejection missingEventTime(EventTime time) {
        return new Rejection(DeadLetterReason.MISSING_EVENT_TIME, Rejection.VALIDATE, time.problem());
    }
}
