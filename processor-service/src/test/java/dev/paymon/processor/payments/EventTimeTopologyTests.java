package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.Channel;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Payments without a usable event time go to the DLQ as MISSING_EVENT_TIME. */
class EventTimeTopologyTests extends TopologyTest {

    private static final String INITIATED = Topics.PAYMENTS_INITIATED.name();

    @Test
    void deadLettersAPaymentWithoutOccurredAtAsMissingEventTime() {
        byte[] timeless = """
                {"paymentId":"p-1","accountId":"acc-1","amount":"5.00","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ATM"}""".getBytes(UTF_8);

        fixture.send("acc-1", timeless, new RecordHeaders());

        TestRecord<String, byte[]> deadLetter = fixture.deadLetterTopic.readRecord();
        assertThat(deadLetter.value()).isEqualTo(timeless);
        assertThat(DeadLetter.readFrom(deadLetter.headers())).isEqualTo(new DeadLetter(
                DeadLetterReason.MISSING_EVENT_TIME, "validate", "occurredAt: missing", INITIATED, 0, 0L));
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    @Test
    void deadLettersAPaymentWithAnUnreadableOrPre1970OccurredAtAsMissingEventTime() {
        fixture.send("acc-1", withOccurredAt("\"yesterday\""), new RecordHeaders());
        fixture.send("acc-1", withOccurredAt("\"1969-12-31T23:59:59Z\""), new RecordHeaders());
        fixture.send("acc-1", withOccurredAt("null"), new RecordHeaders());

        assertThat(fixture.deadLetterTopic.readRecordsToList()).extracting(r -> DeadLetter.readFrom(r.headers()))
                .extracting(DeadLetter::reason, DeadLetter::detail)
                .containsExactly(
                        tuple(DeadLetterReason.MISSING_EVENT_TIME,
                                "occurredAt: must be an ISO-8601 instant: Text 'yesterday' could not be parsed at index 0"),
                        tuple(DeadLetterReason.MISSING_EVENT_TIME,
                                "occurredAt: must not be before 1970-01-01T00:00:00Z, was 1969-12-31T23:59:59Z"),
                        tuple(DeadLetterReason.MISSING_EVENT_TIME, "occurredAt: must be an ISO-8601 instant, was VALUE_NULL"));
    }

    @Test
    void deadLettersAPaymentFromTooFarInTheFutureAsMissingEventTime() {
        PaymentInitiated future = new PaymentInitiated("p-1", "acc-1", new BigDecimal("5.00"), "EUR", "m-1", "5411", "DE",
                Channel.ATM, NOW.plus(TopologyFixture.MAX_AHEAD).plusMillis(1));

        fixture.send(future);

        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers())).isEqualTo(new DeadLetter(
                DeadLetterReason.MISSING_EVENT_TIME, "validate",
                "occurredAt: more than PT5M ahead of the processor's clock, was 2026-11-29T01:05:00.001Z", INITIATED, 0, 0L));
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    private static byte[] withOccurredAt(String json) {
        return ("""
                {"paymentId":"p-1","accountId":"acc-1","amount":"5.00","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","channel":"ATM","occurredAt":""" + json + "}").getBytes(UTF_8);
    }
}
