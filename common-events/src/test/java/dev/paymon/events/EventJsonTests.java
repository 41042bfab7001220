package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.StringNode;

/** The JSON form written by {@link EventJson}: the exact shape the schemas and other-language readers rely on. */
class EventJsonTests {

    @Test
    void writesPaymentWithMoneyAsDecimalStringIsoInstantAndSchemaVersion() {
        String json = new String(EventJson.write(EventTypes.PAYMENT_INITIATED, Samples.payment()), UTF_8);

        assertThat(json).isEqualTo("""
                {"paymentId":"pay-7f3c2a","accountId":"acc-1001","amount":"1000.00","currency":"EUR",\
                "merchantId":"merch-42","merchantCategory":"5411","country":"DE","channel":"CARD_PRESENT",\
                "occurredAt":"2025-03-14T09:26:53.589Z","schemaVersion":1}""");
    }

    @ParameterizedTest
    @CsvSource({
        "1E+3, 1000",
        "1.0E+3, 1000",
        "1000.00, 1000.00",
        "0.01, 0.01",
        "12345678901234567.89, 12345678901234567.89"
    })
    void writesMoneyAsPlainDecimalStringNeverInExponentNotation(String amount, String written) {
        PaymentInitiated payment = new PaymentInitiated("pay-1", "acc-1", new BigDecimal(amount), "EUR", "merch-1",
                "5411", "DE", Channel.ECOMMERCE, Samples.OCCURRED_AT);

        assertThat(EventJson.MAPPER.readTree(EventJson.write(EventTypes.PAYMENT_INITIATED, payment)).get("amount"))
                .isEqualTo(StringNode.valueOf(written));
    }

    @Test
    void writesTinyRateAsPlainDecimalString() {
        FxRateUpdated rate = new FxRateUpdated("IDR", new BigDecimal("5.7E-5"), "EUR",
                Instant.parse("2025-03-14T06:00:00Z"));

        assertThat(EventJson.MAPPER.readTree(EventJson.write(EventTypes.FX_RATE_UPDATED, rate)).get("rateToBase"))
                .isEqualTo(StringNode.valueOf("0.000057"));
    }

    @Test
    void writesEnrichedPaymentWithNestedPaymentWithoutItsOwnSchemaVersion() {
        String json = new String(EventJson.write(EventTypes.PAYMENT_ENRICHED, Samples.enriched()), UTF_8);

        assertThat(json).isEqualTo("""
                {"payment":{"paymentId":"pay-7f3c2a","accountId":"acc-1001","amount":"1000.00","currency":"EUR",\
                "merchantId":"merch-42","merchantCategory":"5411","country":"DE","channel":"CARD_PRESENT",\
                "occurredAt":"2025-03-14T09:26:53.589Z"},"amountBase":"1000.00","baseCurrency":"EUR",\
                "riskTier":"HIGH","status":"FLAGGED","alertIds":["LARGE_AMOUNT:pay-7f3c2a"],\
                "processedAt":"2025-03-14T09:26:54.002Z","late":false,"schemaVersion":1}""");
    }

    @Test
    void keepsTheScaleOfMoneyThroughWriteAndRead() {
        PaymentInitiated payment = Samples.payment();

        PaymentInitiated read = EventJson.read(EventTypes.PAYMENT_INITIATED,
                EventJson.write(EventTypes.PAYMENT_INITIATED, payment));

        assertThat(read).isEqualTo(payment);
        assertThat(read.amount().toPlainString()).isEqualTo("1000.00");
    }
}
