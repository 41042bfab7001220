package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.PaymentFingerprint;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SeenPaymentTests {

    @Test
    void readsBackOffsetAndFingerprint() {
        SeenPayment seen = new SeenPayment(41, PaymentFingerprint.of(payment("p-1", "acc-1", "1.00", "EUR")));

        SeenPayment read = SeenPayment.serde().deserializer().deserialize("t",
                SeenPayment.serde().serializer().serialize("t", seen));

        assertThat(read).isEqualTo(seen);
        assertThat(read.isSamePaymentAs(seen.fingerprint())).isTrue();
        assertThat(read.isSamePaymentAs(PaymentFingerprint.of(payment("p-1", "acc-1", "2.00", "EUR")))).isFalse();
    }

    /** Earlier releases stored the offset alone: a payment under such an id counts as the same, as it did then. */
    @Test
    void takesAnyPaymentAsTheSameUnderAnIdStoredByAnEarlierRelease() {
        SeenPayment legacy = SeenPayment.serde().deserializer().deserialize("t", ByteBuffer.allocate(8).putLong(41).array());

        assertThat(legacy.offset()).isEqualTo(41);
        assertThat(legacy.isSamePaymentAs(123)).isTrue();
    }
}
