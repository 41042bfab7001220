package dev.paymon.subscriber.projection.deadletter;

import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentEnriched;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterValueSerializerTests {

    private final DeadLetterValueSerializer serializer = new DeadLetterValueSerializer();

    @Test
    void writesOriginalBytesUnchanged() {
        byte[] original = "{not json".getBytes();

        assertThat(serializer.serialize("subscriber.dlq.v1", original)).isSameAs(original);
    }

    @Test
    void writesADecodedEventAsItsJsonSoItCanBeReplayed() {
        PaymentEnriched event = payment("pay-1", "acc-1", "12.50", "EUR", "12.50", List.of("alert-1"));

        byte[] written = serializer.serialize("subscriber.dlq.v1", event);

        assertThat(EventJson.read(EventTypes.PAYMENT_ENRICHED, written)).isEqualTo(event);
    }

    @Test
    void keepsATombstoneATombstone() {
        assertThat(serializer.serialize("subscriber.dlq.v1", null)).isNull();
    }

    @Test
    void refusesValuesThatAreNeitherBytesNorEvents() {
        assertThatThrownBy(() -> serializer.serialize("subscriber.dlq.v1", "text"))
                .isInstanceOf(SerializationException.class);
    }
}
