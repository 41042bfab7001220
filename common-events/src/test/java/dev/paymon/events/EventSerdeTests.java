package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EventSerde}: JSON values with CloudEvents 1.0 headers (Kafka binary content mode), both directions. */
class EventSerdeTests {

    private static final String TOPIC = "any.topic.v1";
    private static final String SOURCE = "/paymon/test";

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    <T extends Event> void roundTripsEveryEventTypeWithHeaders(EventType<T> type) {
        EventSerde<T> serde = new EventSerde<>(type, SOURCE);
        T event = Samples.of(type);
        Headers headers = new RecordHeaders();

        byte[] bytes = serde.serializer().serialize(TOPIC, headers, event);

        assertThat(serde.deserializer().deserialize(TOPIC, headers, bytes)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("dev.paymon.events.Samples#eventTypes")
    <T extends Event> void writesEachCloudEventsAttributeOnceAndReadsThemBack(EventType<T> type) {
        T event = Samples.of(type);
        Headers headers = new RecordHeaders();

        new EventSerde<>(type, SOURCE).serializer().serialize(TOPIC, headers, event);

        assertThat(CloudEvents.read(headers)).isEqualTo(new CloudEvents.Attributes(
                event.eventId(), type.type(), SOURCE, "1.0", event.eventTime(), "application/json"));
        assertThat(names(headers)).containsExactly(
                "ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "content-type");
    }

    @Test
    void writesHeaderValuesAsUtf8TextInCloudEventsForm() {
        Headers headers = new RecordHeaders();

        new EventSerde<>(EventTypes.PAYMENT_INITIATED, SOURCE).serializer()
                .serialize(TOPIC, headers, Samples.payment());

        assertThat(Arrays.stream(headers.toArray()).map(h -> h.key() + "=" + new String(h.value(), UTF_8)).toList())
                .containsExactly("ce_id=pay-7f3c2a", "ce_type=dev.paymon.payment.initiated", "ce_source=/paymon/test",
                        "ce_specversion=1.0", "ce_time=2025-03-14T09:26:53.589Z", "content-type=application/json");
    }

    @Test
    void replacesCloudEventsHeadersCopiedFromTheInputRecordInsteadOfDuplicatingThem() {
        Headers headers = new RecordHeaders();
        new EventSerde<>(EventTypes.PAYMENT_INITIATED, "/paymon/publisher").serializer()
                .serialize(TOPIC, headers, Samples.payment());
        headers.add("content-type", "text/plain".getBytes(UTF_8));
        headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(UTF_8));
        PaymentEnriched enriched = Samples.enriched();

        new EventSerde<>(EventTypes.PAYMENT_ENRICHED, "/paymon/processor").serializer()
                .serialize(TOPIC, headers, enriched);

        assertThat(names(headers)).containsExactly(
                "traceparent", "ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "content-type");
        assertThat(CloudEvents.read(headers)).isEqualTo(new CloudEvents.Attributes("pay-7f3c2a",
                "dev.paymon.payment.enriched", "/paymon/processor", "1.0", enriched.processedAt(), "application/json"));
    }

    @Test
    void refusesRecordWhoseCeTypeNamesAnotherEventType() {
        Headers headers = new RecordHeaders();
        byte[] bytes = new EventSerde<>(EventTypes.PAYMENT_INITIATED, SOURCE).serializer()
                .serialize(TOPIC, headers, Samples.payment());

        assertThatThrownBy(() -> new EventSerde<>(EventTypes.PAYMENT_ENRICHED, SOURCE).deserializer()
                .deserialize("payments.enriched.v1", headers, bytes))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("expected ce_type dev.paymon.payment.enriched on payments.enriched.v1,"
                        + " was dev.paymon.payment.initiated");
    }

    @Test
    void readsRecordWithoutHeadersWrittenByAnotherTool() {
        EventSerde<PaymentInitiated> serde = new EventSerde<>(EventTypes.PAYMENT_INITIATED, SOURCE);
        byte[] bytes = EventJson.write(EventTypes.PAYMENT_INITIATED, Samples.payment());

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(Samples.payment());
        assertThat(serde.deserializer().deserialize(TOPIC, new RecordHeaders(), bytes)).isEqualTo(Samples.payment());
    }

    @Test
    void readsMissingCloudEventsAttributesAsNull() {
        assertThat(CloudEvents.read(new RecordHeaders()))
                .isEqualTo(new CloudEvents.Attributes(null, null, null, null, null, null));
    }

    @Test
    void serializerWithoutHeadersStillWritesTheJson() {
        byte[] bytes = new EventSerde<>(EventTypes.PAYMENT_INITIATED, SOURCE).serializer()
                .serialize(TOPIC, Samples.payment());

        assertThat(bytes).isEqualTo(EventJson.write(EventTypes.PAYMENT_INITIATED, Samples.payment()));
    }

    @Test
    void passesTombstonesThroughAsNullWithoutHeaders() {
        EventSerde<AccountProfileUpdated> serde = new EventSerde<>(EventTypes.ACCOUNT_PROFILE_UPDATED, SOURCE);
        Headers headers = new RecordHeaders();

        assertThat(serde.serializer().serialize(TOPIC, headers, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, headers, (byte[]) null)).isNull();
        assertThat(headers.toArray()).isEmpty();
    }

    private static List<String> names(Headers headers) {
        return Arrays.stream(headers.toArray()).map(Header::key).toList();
    }
}
