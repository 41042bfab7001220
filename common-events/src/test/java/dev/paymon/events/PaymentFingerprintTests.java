package dev.paymon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentFingerprintTests {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:00Z");

    @Test
    void changesWithWhatWasPaidButNotWithHowAnAmountIsWrittenNorWithTheTime() {
        long fingerprint = PaymentFingerprint.of(payment("acc-1", "10.50", "EUR", "DE", Channel.CARD_PRESENT, AT));

        assertThat(PaymentFingerprint.of(payment("acc-1", "10.5", "EUR", "DE", Channel.CARD_PRESENT, AT)))
                .isEqualTo(fingerprint);
        assertThat(PaymentFingerprint.of(payment("acc-2", "10.50", "EUR", "DE", Channel.CARD_PRESENT, AT)))
                .isNotEqualTo(fingerprint);
        assertThat(PaymentFingerprint.of(payment("acc-1", "10.51", "EUR", "DE", Channel.CARD_PRESENT, AT)))
                .isNotEqualTo(fingerprint);
        assertThat(PaymentFingerprint.of(payment("acc-1", "10.50", "USD", "DE", Channel.CARD_PRESENT, AT)))
                .isNotEqualTo(fingerprint);
        assertThat(PaymentFingerprint.of(payment("acc-1", "10.50", "EUR", "FR", Channel.CARD_PRESENT, AT)))
                .isNotEqualTo(fingerprint);
        assertThat(PaymentFingerprint.of(payment("acc-1", "10.50", "EUR", "DE", Channel.ATM, AT)))
                .isNotEqualTo(fingerprint);
        // A retry the publisher stamped again on receipt (the client sent no occurredAt) is the same payment.
        assertThat(PaymentFingerprint.of(payment("acc-1", "10.50", "EUR", "DE", Channel.CARD_PRESENT, AT.plusSeconds(7))))
                .isEqualTo(fingerprint);
    }

    private static PaymentInitiated payment(String account, String amount, String currency, String country,
                                            Channel channel, Instant at) {
        return new PaymentInitiated("p-1", account, new BigDecimal(amount), currency, "m-1", "5411", country, channel, at);
    }
}
