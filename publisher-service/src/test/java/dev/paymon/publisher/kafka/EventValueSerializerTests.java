package dev.paymon.publisher.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.events.CloudEvents;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventValueSerializerTests {

    static final FxRateUpdated RATE = new FxRateUpdated("USD", new BigDecimal("0.92"), "EUR",
            Instant.parse("2025-05-01T12:00:00Z"));

    final EventValueSerializer serializer = new EventValueSerializer(KafkaConfiguration.WRITTEN);

    @Test
    void writesJsonAndCloudEventsHeadersOfTheTopicsEventType() {
        RecordHeaders headers = new RecordHeaders();

        byte[] value = serializer.serialize(Topics.FX_RATES_REFERENCE.name(), headers, RATE);

        assertThat(new String(value, UTF_8)).isEqualTo("{\"currency\":\"USD\",\"rateToBase\":\"0.92\","
                + "\"baseCurrency\":\"EUR\",\"updatedAt\":\"2025-05-01T12:00:00Z\",\"schemaVersion\":2}");
        assertThat(CloudEvents.read(headers)).isEqualTo(new CloudEvents.Attributes("USD@2025-05-01T12:00:00Z",
                EventTypes.FX_RATE_UPDATED.type(), "/paymon/publisher", "1.0", RATE.updatedAt(), "application/json"));
    }

    @Test
    void refusesTopicsThePublisherDoesNotWrite() {
        assertThatThrownBy(() -> serializer.serialize(Topics.FRAUD_ALERTS.name(), new RecordHeaders(), RATE))
                .isInstanceOf(SerializationException.class)
                .hasMessage("the publisher writes no events to topic fraud.alerts.v1");
    }

    @Test
    void refusesAnEventOfAnotherTypeThanTheTopics() {
        assertThatThrownBy(() -> serializer.serialize(Topics.PAYMENTS_INITIATED.name(), new RecordHeaders(), RATE))
                .isInstanceOf(SerializationException.class)
                .hasMessage("payments.initiated.v1 takes PaymentInitiated, not FxRateUpdated");
    }
}
