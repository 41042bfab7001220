package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.rate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FxConversionTests {

    private final FxConversion toEuro = new FxConversion("EUR");

    @Test
    void multipliesByTheRateAndRoundsHalfEvenToCents() {
        assertThat(toEuro.toBase(new BigDecimal("10.05"), "USD", rate("USD", "0.5", "EUR")))
                .contains(new BigDecimal("5.02"));
        assertThat(toEuro.toBase(new BigDecimal("10.07"), "USD", rate("USD", "0.5", "EUR")))
                .contains(new BigDecimal("5.04"));
        assertThat(toEuro.toBase(new BigDecimal("1000"), "JPY", rate("JPY", "0.006123", "EUR")))
                .contains(new BigDecimal("6.12"));
    }

    @Test
    void needsNoRateForTheBaseCurrency() {
        assertThat(toEuro.toBase(new BigDecimal("7.5"), "EUR", null)).contains(new BigDecimal("7.50"));
    }

    @Test
    void knowsNoRateWhenNoneIsPublished() {
        assertThat(toEuro.toBase(new BigDecimal("7.50"), "USD", null)).isEmpty();
    }

    @Test
    void refusesRateQuotedAgainstAnotherBase() {
        assertThat(toEuro.toBase(new BigDecimal("7.50"), "GBP", rate("GBP", "1.27", "USD"))).isEmpty();
    }

    @Test
    void refusesRateOfAnotherCurrency() {
        assertThat(toEuro.toBase(new BigDecimal("7.50"), "GBP", rate("USD", "0.92", "EUR"))).isEmpty();
    }

    @Test
    void convertsToAConfiguredBaseOtherThanEuro() {
        FxConversion toDollar = new FxConversion("USD");

        assertThat(toDollar.toBase(new BigDecimal("100.00"), "EUR", rate("EUR", "1.08", "USD")))
                .contains(new BigDecimal("108.00"));
        assertThat(toDollar.toBase(new BigDecimal("100.00"), "EUR", rate("EUR", "1.08", "EUR"))).isEmpty();
    }
}
