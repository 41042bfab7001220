package dev.paymon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The records' compact constructors reject bad values and report every bad field at once. */
class EventValidationTests {

    private static final Instant AT = Samples.OCCURRED_AT;

    @Test
    void rejectsPaymentWithBadCurrencyNegativeAmountAndMissingChannelListingAllThree() {
        InvalidEventException e = invalid(() -> payment(new BigDecimal("-5.00"), "eur", "DE", null));

        assertThat(e.violations()).containsExactly(
                new FieldViolation("currency", "must be an ISO 4217 currency code, was 'eur'"),
                new FieldViolation("amount", "must be greater than 0"),
                new FieldViolation("channel", "must not be null"));
        assertThat(e).hasMessage("currency: must be an ISO 4217 currency code, was 'eur'; "
                + "amount: must be greater than 0; channel: must not be null");
    }

    @Test
    void rejectsPaymentWithNoFieldsListingEveryField() {
        assertThat(fields(() -> new PaymentInitiated(null, null, null, null, null, null, null, null, null)))
                .containsExactly("paymentId", "accountId", "currency", "amount", "merchantId", "merchantCategory",
                        "country", "channel", "occurredAt");
    }

    @Test
    void rejectsEveryOtherEventWithNoFieldsListingEveryRequiredField() {
        assertThat(fields(() -> new AccountProfileUpdated(null, null, null, null, null, null))).containsExactly(
                "accountId", "homeCountry", "riskTier", "currency", "dailyLimit", "updatedAt");
        assertThat(fields(() -> new FxRateUpdated(null, null, null, null))).containsExactly(
                "currency", "rateToBase", "baseCurrency", "updatedAt");
        assertThat(fields(() -> new PaymentEnriched(null, null, null, null, null, null, null, false))).containsExactly(
                "payment", "amountBase", "baseCurrency", "status", "processedAt");
        assertThat(fields(() -> new AccountActivity(null, null, null, -1, null, null))).containsExactly(
                "accountId", "windowStart", "windowEnd", "count", "totalBase", "maxBase");
        assertThat(fields(() -> new AlertRaised(null, null, null, null, null, null))).containsExactly(
                "alertId", "accountId", "rule", "severity", "detectedAt", "paymentIds");
    }

    @ParameterizedTest
    @CsvSource({"0.01, EUR", "10.50, EUR", "10.500, EUR", "1000, JPY", "1000.00, JPY", "999999999.99, USD"})
    void acceptsPositiveAmountWithinTheCurrencysMinorUnits(String amount, String currency) {
        assertThatCode(() -> payment(new BigDecimal(amount), currency, "DE", Channel.ECOMMERCE))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0      | EUR | must be greater than 0",
        "0.00   | EUR | must be greater than 0",
        "-0.01  | EUR | must be greater than 0",
        "10.005 | EUR | must have at most 2 decimal places for EUR",
        "1000.5 | JPY | must have at most 0 decimal places for JPY",
        "10.005 | BHD | must have at most 2 decimal places for BHD"
    })
    void rejectsAmountThatIsNotPositiveOrHasTooManyDecimals(String amount, String currency, String message) {
        InvalidEventException e = invalid(() -> payment(new BigDecimal(amount), currency, "DE", Channel.ATM));

        assertThat(e.violations()).containsExactly(new FieldViolation("amount", message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ABC", ""})
    void rejectsCurrencyThatIsNotAnUpperCaseIso4217Code(String currency) {
        InvalidEventException e = invalid(() -> payment(BigDecimal.TEN, currency, "DE", Channel.ATM));

        assertThat(e.violations()).containsExactly(
                new FieldViolation("currency", "must be an ISO 4217 currency code, was '" + currency + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "de", "DEU", ""})
    void rejectsCountryThatIsNotAnIso3166Alpha2Code(String country) {
        InvalidEventException e = invalid(() -> payment(BigDecimal.TEN, "EUR", country, Channel.ATM));

        assertThat(e.violations()).containsExactly(
                new FieldViolation("country", "must be an ISO 3166-1 alpha-2 country code, was '" + country + "'"));
    }

    @Test
    void acceptsIdOf64CharactersAndRejectsOneOf65() {
        assertThatCode(() -> paymentWithId("p".repeat(64))).doesNotThrowAnyException();

        assertThat(invalid(() -> paymentWithId("p".repeat(65))).violations())
                .containsExactly(new FieldViolation("paymentId", "must be at most 64 characters"));
    }

    @Test
    void rejectsBlankIdAndIdWithControlCharacters() {
        assertThat(invalid(() -> paymentWithId(" \t ")).violations())
                .containsExactly(new FieldViolation("paymentId", "must not be blank"));
        assertThat(invalid(() -> paymentWithId("pay\u00001")).violations())
                .containsExactly(new FieldViolation("paymentId", "must not contain control characters"));
    }

    @Test
    void rejectsProfileWhoseDailyLimitHasDecimalsItsCurrencyLacks() {
        InvalidEventException e = invalid(() -> new AccountProfileUpdated("acc-1", "JP", RiskTier.LOW,
                new BigDecimal("50000.5"), "JPY", AT));

        assertThat(e.violations()).containsExactly(
                new FieldViolation("dailyLimit", "must have at most 0 decimal places for JPY"));
    }

    @Test
    void rejectsFxRateOfZeroAndUnknownBaseCurrency() {
        InvalidEventException e = invalid(() -> new FxRateUpdated("USD", BigDecimal.ZERO, "EU", AT));

        assertThat(e.violations()).containsExactly(new FieldViolation("rateToBase", "must be greater than 0"),
                new FieldViolation("baseCurrency", "must be an ISO 4217 currency code, was 'EU'"));
    }

    @Test
    void rejectsEnrichedPaymentWhoseStatusContradictsItsAlerts() {
        PaymentInitiated payment = Samples.payment();
        BigDecimal base = payment.amount();

        assertThat(invalid(() -> new PaymentEnriched(payment, base, "EUR", null, PaymentStatus.FLAGGED, List.of(), AT, false))
                .violations())
                .containsExactly(new FieldViolation("alertIds", "must not be empty when status is FLAGGED"));
        assertThat(invalid(() -> new PaymentEnriched(payment, base, "EUR", null, PaymentStatus.ACCEPTED,
                List.of("VELOCITY:acc-1"), AT, false)).violations())
                .containsExactly(new FieldViolation("alertIds", "must be empty when status is ACCEPTED"));
    }

    @Test
    void acceptsEnrichedPaymentOfAnAccountWithoutProfileAndTreatsMissingAlertsAsNone() {
        PaymentEnriched enriched = new PaymentEnriched(Samples.payment(), new BigDecimal("1000.00"), "EUR", null,
                PaymentStatus.ACCEPTED, null, AT, false);

        assertThat(enriched.alertIds()).isEmpty();
        assertThat(enriched.riskTier()).isNull();
    }

    @Test
    void rejectsActivityWindowThatDoesNotEndAfterItStarts() {
        InvalidEventException e = invalid(() ->
                new AccountActivity("acc-1", AT, AT, 1, BigDecimal.ONE, BigDecimal.ONE));

        assertThat(e.violations()).containsExactly(new FieldViolation("windowEnd", "must be after windowStart"));
    }

    @Test
    void rejectsAlertWithoutPayments() {
        InvalidEventException e = invalid(() -> new AlertRaised("VELOCITY:acc-1", "acc-1", FraudRule.VELOCITY,
                Severity.MEDIUM, List.of(), AT));

        assertThat(e.violations()).containsExactly(new FieldViolation("paymentIds", "must not be empty"));
    }

    @Test
    void copiesListsSoAnEventCannotChangeAfterConstruction() {
        List<String> paymentIds = new ArrayList<>(List.of("pay-1"));
        AlertRaised alert = new AlertRaised("VELOCITY:acc-1", "acc-1", FraudRule.VELOCITY, Severity.MEDIUM,
                paymentIds, AT);

        paymentIds.add("pay-2");

        assertThat(alert.paymentIds()).containsExactly("pay-1");
    }

    private static PaymentInitiated payment(BigDecimal amount, String currency, String country, Channel channel) {
        return new PaymentInitiated("pay-1", "acc-1", amount, currency, "merch-1", "5411", country, channel, AT);
    }

    private static PaymentInitiated paymentWithId(String paymentId) {
        return new PaymentInitiated(paymentId, "acc-1", BigDecimal.TEN, "EUR", "merch-1", "5411", "DE", Channel.ATM,
                AT);
    }

    private static InvalidEventException invalid(ThrowingCallable construction) {
        Throwable thrown = catchThrowable(construction);
        assertThat(thrown).isInstanceOf(InvalidEventException.class);
        return (InvalidEventException) thrown;
    }

    private static List<String> fields(ThrowingCallable construction) {
        return invalid(construction).violations().stream().map(FieldViolation::field).toList();
    }
}
