package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static dev.paymon.processor.payments.TopologyFixture.OCCURRED;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static dev.paymon.processor.payments.TopologyFixture.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Duplicates by paymentId are dropped and counted, never dead-lettered; another payment under a taken id is. */
class DeduplicationTopologyTests extends TopologyTest {

    private static final String INITIATED = Topics.PAYMENTS_INITIATED.name();

    @Test
    void dropsAPaymentSentTwiceAndCountsTheDuplicate() {
        PaymentInitiated payment = payment("p-1", "acc-1", "12.30", "EUR");

        fixture.send(payment);
        fixture.send(payment);
        // The same amount written differently is the same payment.
        fixture.send(payment("p-1", "acc-1", "12.300", "EUR"));

        assertThat(fixture.enriched.readValuesToList()).containsExactly(new PaymentEnriched(payment,
                new BigDecimal("12.30"), "EUR", null, PaymentStatus.ACCEPTED, List.of(), NOW, false));
        assertThat(fixture.events).containsExactly("duplicate", "duplicate");
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    /**
     * A client that sends no occurredAt gets the publisher's time of receipt; its retry after a 503 (the first attempt
     * written after all) is the same request stamped later, and a duplicate, not a conflict.
     */
    @Test
    void dropsARetryThePublisherStampedAgainAsADuplicate() {
        PaymentInitiated first = payment("p-1", "acc-1", "12.30", OCCURRED);
        PaymentInitiated retry = payment("p-1", "acc-1", "12.30", OCCURRED.plusSeconds(5));

        fixture.send(first);
        fixture.send(retry);

        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().occurredAt())
                .containsExactly(OCCURRED);
        assertThat(fixture.events).containsExactly("duplicate");
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    /** One id is one payment: another payment under a taken id is neither dropped as a duplicate nor processed. */
    @Test
    void deadLettersADifferentPaymentUnderATakenIdAsAConflict() {
        fixture.send(payment("p-1", "acc-1", "12.30", "EUR"));
        TestRecord<String, byte[]> otherAmount = fixture.send(payment("p-1", "acc-1", "99.00", "EUR"));
        TestRecord<String, byte[]> otherAccount = fixture.send(payment("p-1", "acc-2", "12.30", "EUR"));

        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().accountId(), e -> e.payment().amount())
                .containsExactly(tuple("acc-1", new BigDecimal("12.30")));
        List<TestRecord<String, byte[]>> deadLetters = fixture.deadLetterTopic.readRecordsToList();
        assertThat(deadLetters).extracting(TestRecord::key, TestRecord::value)
                .containsExactly(tuple("acc-1", otherAmount.value()), tuple("acc-2", otherAccount.value()));
        assertThat(deadLetters).extracting(r -> DeadLetter.readFrom(r.headers()))
                .containsExactly(
                        new DeadLetter(DeadLetterReason.PAYMENT_ID_CONFLICT, "dedupe", "paymentId p-1 is taken by a "
                                + "different payment (input offset 0 of this partition)", INITIATED, 0, 1L),
                        new DeadLetter(DeadLetterReason.PAYMENT_ID_CONFLICT, "dedupe", "paymentId p-1 is taken by a "
                                + "different payment (input offset 0 of this partition)", INITIATED, 0, 2L));
        assertThat(fixture.events).isEmpty();
    }

    @Test
    void acceptsTheReplayOfAPaymentDeadLetteredForWantOfARate() {
        PaymentInitiated payment = payment("p-1", "acc-1", "1000", "JPY");
        fixture.send(payment);
        fixture.fxRates.pipeInput("JPY", rate("JPY", "0.0060", "EUR"));

        fixture.send(payment);

        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers()).reason())
                .isEqualTo(DeadLetterReason.UNKNOWN_FX_RATE);
        assertThat(fixture.enriched.readValuesToList()).extracting(PaymentEnriched::amountBase)
                .containsExactly(new BigDecimal("6.00"));
        assertThat(fixture.events).isEmpty();
    }
}
