package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static dev.paymon.processor.payments.TopologyFixture.rate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicates by paymentId are dropped and counted, never dead-lettered. */
class DeduplicationTopologyTests {

    private static final String INITIATED = Topics.PAYMENTS_INITIATED.name();

    @TempDir
    Path stateDir;

    private TopologyFixture fixture;

    @BeforeEach
    void startDriver() {
        fixture = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeDriver() {
        fixture.close();
    }

    @Test
    void dropsAPaymentSentTwiceAndCountsTheDuplicate() {
        PaymentInitiated payment = payment("p-1", "acc-1", "12.30", "EUR");

        fixture.send(payment);
        fixture.send(payment);
        fixture.send(payment("p-1", "acc-1", "99.00", "EUR"));

        assertThat(fixture.enriched.readValuesToList()).containsExactly(new PaymentEnriched(payment,
                new BigDecimal("12.30"), "EUR", null, PaymentStatus.ACCEPTED, List.of(), NOW));
        assertThat(fixture.events).containsExactly("duplicate", "duplicate");
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
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
