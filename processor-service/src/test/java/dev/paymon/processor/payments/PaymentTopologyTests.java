package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static dev.paymon.processor.payments.TopologyFixture.OCCURRED;
import static dev.paymon.processor.payments.TopologyFixture.PUBLISHER;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static dev.paymon.processor.payments.TopologyFixture.rate;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventTypes;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class PaymentTopologyTests extends TopologyTest {

    private static final String INITIATED = Topics.PAYMENTS_INITIATED.name();

    @Test
    void convertsForeignCurrencyWithItsRateAndAddsRiskTier() {
        fixture.fxRates.pipeInput("USD", rate("USD", "0.9259", "EUR"));
        fixture.profiles.pipeInput("acc-1", profile("acc-1", RiskTier.HIGH));
        PaymentInitiated payment = payment("p-1", "acc-1", "100.00", "USD");

        fixture.send(payment);

        TestRecord<String, PaymentEnriched> output = fixture.enriched.readRecord();
        assertThat(output.key()).isEqualTo("acc-1");
        assertThat(output.value()).isEqualTo(new PaymentEnriched(payment, new BigDecimal("92.59"), "EUR",
                RiskTier.HIGH, PaymentStatus.ACCEPTED, List.of(), NOW, false));
        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
    }

    @Test
    void writesFreshCloudEventsHeadersOnEnrichedPayments() {
        fixture.send(payment("p-1", "acc-1", "12.30", "EUR"));

        assertThat(CloudEvents.read(fixture.enriched.readRecord().headers())).isEqualTo(new CloudEvents.Attributes(
                "p-1", EventTypes.PAYMENT_ENRICHED.type(), "/paymon/processor", "1.0", NOW, "application/json"));
    }

    @Test
    void enrichesBaseCurrencyPaymentWithoutAnyRateOrProfile() {
        PaymentInitiated payment = payment("p-1", "acc-2", "12.3", "EUR");

        fixture.send(payment);

        assertThat(fixture.enriched.readValuesToList()).containsExactly(new PaymentEnriched(payment,
                new BigDecimal("12.30"), "EUR", null, PaymentStatus.ACCEPTED, List.of(), NOW, false));
    }

    @Test
    void usesVersionOneRateUpcastToTheEuroBase() {
        String v1 = """
                {"currency":"GBP","rateToBase":"1.1700","updatedAt":"2026-11-28T00:00:00Z"}""";
        fixture.rawFxRates.pipeInput("GBP", v1.getBytes(UTF_8));
        PaymentInitiated payment = payment("p-1", "acc-1", "200.00", "GBP");

        fixture.send(payment);

        assertThat(fixture.enriched.readValuesToList()).containsExactly(new PaymentEnriched(payment,
                new BigDecimal("234.00"), "EUR", null, PaymentStatus.ACCEPTED, List.of(), NOW, false));
    }

    @Test
    void usesTheLatestRateOfACurrency() {
        fixture.fxRates.pipeInput("USD", rate("USD", "0.90", "EUR"));
        fixture.fxRates.pipeInput("USD", rate("USD", "0.80", "EUR"));
        PaymentInitiated payment = payment("p-1", "acc-1", "10.00", "USD");

        fixture.send(payment);

        assertThat(fixture.enriched.readValuesToList()).extracting(PaymentEnriched::amountBase)
                .containsExactly(new BigDecimal("8.00"));
    }

    @Test
    void deadLettersPaymentWithUnknownRateKeepingItsBytesHeadersAndSource() {
        fixture.send(payment("p-0", "acc-1", "5.00", "EUR"));
        TestRecord<String, byte[]> sent = fixture.send(payment("p-1", "acc-1", "1000", "JPY"));

        TestRecord<String, byte[]> deadLetter = fixture.deadLetterTopic.readRecord();
        assertThat(deadLetter.key()).isEqualTo("acc-1");
        assertThat(deadLetter.value()).isEqualTo(sent.value());
        DeadLetter expected = new DeadLetter(DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no FX rate from JPY to EUR",
                INITIATED, 0, 1L);
        assertThat(DeadLetter.readFrom(deadLetter.headers())).isEqualTo(expected);
        assertThat(CloudEvents.read(deadLetter.headers())).isEqualTo(new CloudEvents.Attributes(
                "p-1", EventTypes.PAYMENT_INITIATED.type(), PUBLISHER, "1.0", OCCURRED, "application/json"));
        assertThat(fixture.deadLetters).containsExactly(expected);
        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId()).containsExactly("p-0");
    }

    @Test
    void treatsRateAgainstAnotherBaseCurrencyAsUnknown() {
        fixture.fxRates.pipeInput("JPY", rate("JPY", "0.0067", "USD"));

        fixture.send(payment("p-1", "acc-1", "1000", "JPY"));

        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers())).isEqualTo(new DeadLetter(
                DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no FX rate from JPY to EUR", INITIATED, 0, 0L));
    }

    @Test
    void deadLettersBytesThatAreNotJsonAsUndecodable() {
        byte[] garbage = "not json at all".getBytes(UTF_8);

        fixture.send("acc-1", garbage, new RecordHeaders());

        TestRecord<String, byte[]> deadLetter = fixture.deadLetterTopic.readRecord();
        assertThat(deadLetter.key()).isEqualTo("acc-1");
        assertThat(deadLetter.value()).isEqualTo(garbage);
        DeadLetter headers = DeadLetter.readFrom(deadLetter.headers());
        assertThat(headers).usingRecursiveComparison().ignoringFields("detail").isEqualTo(
                new DeadLetter(DeadLetterReason.UNDECODABLE, "decode", "", INITIATED, 0, 0L));
        assertThat(headers.detail()).startsWith("not JSON: ");
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    @Test
    void deadLettersAValidPaymentWhoseCloudEventsTypeNamesAnotherEventAsUndecodable() {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = Topics.PAYMENTS_INITIATED.valueSerde(PUBLISHER).serializer()
                .serialize(Topics.PAYMENTS_INITIATED.name(), headers, payment("p-1", "acc-1", "10.00", "EUR"));
        headers.remove(HeaderNames.CE_TYPE);
        headers.add(HeaderNames.CE_TYPE, EventTypes.PAYMENT_ENRICHED.type().getBytes(UTF_8));

        fixture.send("acc-1", value, headers);

        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers())).isEqualTo(new DeadLetter(
                DeadLetterReason.UNDECODABLE, "decode",
                "expected ce_type dev.paymon.payment.initiated, was dev.paymon.payment.enriched", INITIATED, 0, 0L));
    }

    @Test
    void deadLettersEmptyValueAsUndecodable() {
        fixture.send("acc-1", new byte[0], new RecordHeaders());

        assertThat(DeadLetter.readFrom(fixture.deadLetterTopic.readRecord().headers())).isEqualTo(new DeadLetter(
                DeadLetterReason.UNDECODABLE, "decode", "empty value for dev.paymon.payment.initiated", INITIATED, 0, 0L));
    }

    @Test
    void deadLettersPaymentWithInvalidFieldsListingEveryOne() {
        byte[] invalid = """
                {"paymentId":"p-1","accountId":"acc-1","amount":"-5.00","currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"XX","channel":"ATM","occurredAt":"2026-11-28T10:15:00Z"}"""
                .getBytes(UTF_8);

        fixture.send("acc-1", invalid, new RecordHeaders());

        TestRecord<String, byte[]> deadLetter = fixture.deadLetterTopic.readRecord();
        assertThat(deadLetter.value()).isEqualTo(invalid);
        assertThat(DeadLetter.readFrom(deadLetter.headers())).isEqualTo(new DeadLetter(DeadLetterReason.INVALID_EVENT,
                "validate", "amount: must be greater than 0; country: must be an ISO 3166-1 alpha-2 country code, was 'XX'",
                INITIATED, 0, 0L));
    }

    @Test
    void enrichesPaymentWhoseBaseAmountRoundsToZero() {
        fixture.fxRates.pipeInput("JPY", rate("JPY", "0.0040", "EUR"));

        fixture.send(payment("p-1", "acc-1", "1", "JPY"));

        assertThat(fixture.deadLetterTopic.isEmpty()).isTrue();
        assertThat(fixture.enriched.readValue().amountBase()).isEqualByComparingTo("0.00");
    }

    @Test
    void keepsProcessingValidPaymentsAfterBadOnes() {
        fixture.send("acc-1", "{".getBytes(UTF_8), new RecordHeaders());
        fixture.send(payment("p-2", "acc-1", "1.00", "CHF"));
        fixture.send(payment("p-3", "acc-1", "3.00", "EUR"));
        fixture.send("acc-1", "[]".getBytes(UTF_8), new RecordHeaders());
        fixture.send(payment("p-5", "acc-1", "5.00", "EUR"));

        assertThat(fixture.enriched.readValuesToList()).extracting(e -> e.payment().paymentId())
                .containsExactly("p-3", "p-5");
        assertThat(fixture.deadLetterTopic.readRecordsToList()).extracting(r -> DeadLetter.readFrom(r.headers()))
                .extracting(DeadLetter::reason, DeadLetter::sourceOffset)
                .containsExactly(
                        tuple(DeadLetterReason.UNDECODABLE, 0L),
                        tuple(DeadLetterReason.UNKNOWN_FX_RATE, 1L),
                        tuple(DeadLetterReason.UNDECODABLE, 3L));
    }

    @Test
    void namesEveryOperatorAndStore() {
        String description = fixture.topology.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains("Source: fx-rates-source (topics: [reference.fx-rates.v1])",
                "Processor: fx-rates (stores: [fx-rates])",
                "Source: account-profiles-source (topics: [reference.accounts.v1])",
                "Processor: account-profiles (stores: [account-profiles])",
                "Source: payments-initiated-source (topics: [payments.initiated.v1])",
                "Sink: payments-enriched-sink (topic: payments.enriched.v1)",
                "Sink: payments-dlq-sink (topic: payments.dlq.v1)",
                "Sink: fraud-alerts-sink (topic: fraud.alerts.v1)",
                "Sink: accounts-activity-sink (topic: accounts.activity.v1)",
                "Processor: dedupe-payment (stores: [payment-ids])",
                "Processor: monitor-account (stores: [",
                "account-windows", "monitor-watermark", "account-sightings", "account-daily-spend");
    }

    private static AccountProfileUpdated profile(String accountId, RiskTier tier) {
        return new AccountProfileUpdated(accountId, "DE", tier, new BigDecimal("5000.00"), "EUR",
                Instant.parse("2026-11-01T00:00:00Z"));
    }
}
