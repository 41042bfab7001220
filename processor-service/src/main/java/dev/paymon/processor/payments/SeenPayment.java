package dev.paymon.processor.payments;

import dev.paymon.events.PaymentFingerprint;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the dedupe store remembers of a payment id: the offset of the input record that carried it and the payment's
 * {@link PaymentFingerprint}. Stored as 16 bytes; the 8-byte values of earlier releases (the offset alone) have no
 * fingerprint, and a payment under their id counts as the same payment, as it did then.
 *
 * @param fingerprint {@link #UNKNOWN} for a value of an earlier release
 */
record SeenPayment(long offset, long fingerprint, boolean known) {

    static final long UNKNOWN = 0;

    SeenPayment(long offset, long fingerprint) {
        this(offset, fingerprint, true);
    }

    boolean isSamePaymentAs(long otherFingerprint) {
        return !known || fingerprint == otherFingerprint;
    }

    static Serde<SeenPayment> serde() {
        return Serdes.serdeFrom(
                (topic, seen) -> seen == null ? null
                        : ByteBuffer.allocate(16).putLong(seen.offset()).putLong(seen.fingerprint()).array(),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    long offset = buffer.getLong();
                    return bytes.length >= 16 ? new SeenPayment(offset, buffer.getLong())
                            : new SeenPayment(offset, UNKNOWN, false);
                });
    }
}
