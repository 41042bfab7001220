package dev.paymon.processor.payments;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.processor.deadletter.DeadLetterCause;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads {@code payments.initiated.v1} values inside the topology rather than in a serde, so a bad
 * record becomes a rejection (and a DLQ record in the same exactly-once transaction) instead of a
 * deserialization failure. Reasons, first match wins: {@code UNDECODABLE} (a {@code ce_type} header naming another
 * event type, as every event deserializer refuses it, or not a JSON object), {@code MISSING_EVENT_TIME} (a JSON object
 * whose {@code occurredAt} is missing, unreadable, before 1970 or too far ahead of the clock ({@link EventTimeLimit}):
 * the payment cannot be placed in a window), then {@code UNDECODABLE} or {@code INVALID_EVENT} for the other fields.
 * A record without {@code ce_type} (written by another tool) is read by its value alone.
 */
final class PaymentDecoding implements FixedKeyProcessorSupplier<String, byte[], Attempt<PaymentInitiated>> {

    private final EventTimeLimit limit;

    PaymentDecoding(EventTimeLimit limit) {
        this.limit = limit;
    }

    @Override
    public FixedKeyProcessor<String, byte[], Attempt<PaymentInitiated>> get() {
        return new FixedKeyProcessor<>() {

            private FixedKeyProcessorContext<String, Attempt<PaymentInitiated>> context;

            @Override
            public void init(FixedKeyProcessorContext<String, Attempt<PaymentInitiated>> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, byte[]> record) {
                context.forward(record.withValue(decode(record.headers(), record.value())));
            }
        };
    }

    Attempt<PaymentInitiated> decode(Headers headers, byte[] value) {
        String type = CloudEvents.text(headers, HeaderNames.CE_TYPE);
        if (type != null && !type.equals(EventTypes.PAYMENT_INITIATED.type())) {
            return Attempt.rejected(value, new DeadLetterCause(DeadLetterReason.UNDECODABLE, DeadLetterCause.DECODE,
                    "expected " + HeaderNames.CE_TYPE + " " + EventTypes.PAYMENT_INITIATED.type() + ", was " + type));
        }
        PaymentInitiated payment;
        try {
            payment = EventJson.read(EventTypes.PAYMENT_INITIATED, value);
        } catch (RuntimeException unreadable) {
            EventTime time = EventTime.of(value);
            // Only a missing time is reported here; a time too far ahead loses to the other fields' problems.
            return Attempt.rejected(value, time.isMissing() ? missingEventTime(time) : DeadLetterCause.ofUnreadable(unreadable));
        }
        EventTime time = limit.check(EventTime.of(payment.occurredAt()));
        return time.valid() ? Attempt.accepted(value, payment) : Attempt.rejected(value, missingEventTime(time));
    }

    private static DeadLetterCause missingEventTime(EventTime time) {
        return new DeadLetterCause(DeadLetterReason.MISSING_EVENT_TIME, DeadLetterCause.VALIDATE, time.problem());
    }
}
