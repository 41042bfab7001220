package dev.paymon.subscriber.payments;

import static dev.paymon.subscriber.TestEvents.OCCURRED_AT;
import static dev.paymon.subscriber.TestEvents.PROCESSED_AT;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.PaymentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentResponseTests {

    @Test
    void showsMoneyWithTheMinorUnitsOfItsCurrency() {
        StoredPayment stored = StoredPayment.from(payment("pay-1", "acc-1", "12.5", "EUR", "1E+1", List.of("a-1")));

        assertThat(PaymentResponse.of(stored)).isEqualTo(new PaymentResponse("pay-1", "acc-1", "12.50", "EUR",
                "10.00", "EUR", PaymentStatus.FLAGGED, List.of("a-1"), OCCURRED_AT, PROCESSED_AT, false));
    }

    @Test
    void showsConvertedAmountsWithEveryDigitAndCurrenciesWithoutMinorUnitsWithout() {
        StoredPayment stored = StoredPayment.from(payment("pay-2", "acc-1", "1500.00", "JPY", "9.1234500", List.of()));

        assertThat(PaymentResponse.of(stored)).isEqualTo(new PaymentResponse("pay-2", "acc-1", "1500", "JPY",
                "9.12345", "EUR", PaymentStatus.ACCEPTED, List.of(), OCCURRED_AT, PROCESSED_AT, false));
    }
}
