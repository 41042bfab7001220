package dev.paymon.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.Channel;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.EventDecodingException;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Severity;
import dev.paymon.events.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The processor's outputs as the integration test expects them, with what depends on the moment of
 * the run (processing and detection times) left out.
 */
final class Expected {

    private Expected() {
    }

    static PaymentInitiated payment(String paymentId, String accountId, String amount, String currency,
                                            String country, Instant occurredAt) {
        return new PaymentInitiated(paymentId, accountId, new BigDecimal(amount), currency, "merchant-7", "5411", country,
                Channel.ECOMMERCE, occurredAt);
    }

    static <V> Deserializer<V> deserializer(Topic<V> topic) {
        return topic.valueSerde("/paymon/test").deserializer();
    }

    static AccountActivity activity(String accountId, Instant start, long count, String total, String max) {
        return new AccountActivity(accountId, start, start.plusSeconds(10), count, new BigDecimal(total), new BigDecimal(max));
    }

    /** The alert id is a name-based UUID of rule, account and discriminator; detection time is left out. */
    static AlertRaised alert(FraudRule rule, Severity severity, String accountId, String discriminator,
                                     String... paymentIds) {
        String alertId = UUID.nameUUIDFromBytes((rule + "|" + accountId + "|" + discriminator).getBytes(UTF_8)).toString();
        return new AlertRaised(alertId, accountId, rule, severity, List.of(paymentIds), Instant.EPOCH);
    }

    static AlertRaised withoutDetectionTime(AlertRaised alert) {
        return new AlertRaised(alert.alertId(), alert.accountId(), alert.rule(), alert.severity(), alert.paymentIds(),
                Instant.EPOCH);
    }

    static PaymentEnriched flagged(PaymentEnriched payment, AlertRaised... alerts) {
        return new PaymentEnriched(payment.payment(), payment.amountBase(), payment.baseCurrency(), payment.riskTier(),
                PaymentStatus.FLAGGED, Arrays.stream(alerts).map(AlertRaised::alertId).toList(), payment.processedAt(),
                payment.late());
    }

    static PaymentEnriched enrichedPayment(PaymentInitiated payment, String amountBase, RiskTier tier) {
        return new PaymentEnriched(payment, new BigDecimal(amountBase), "EUR", tier, PaymentStatus.ACCEPTED, List.of(),
                Instant.EPOCH, false);
    }

    static PaymentEnriched withoutProcessingTime(PaymentEnriched enriched) {
        return new PaymentEnriched(enriched.payment(), enriched.amountBase(), enriched.baseCurrency(),
                enriched.riskTier(), enriched.status(), enriched.alertIds(), Instant.EPOCH, enriched.late());
    }

    static DeadLetter deadLetter(DeadLetterReason reason, String stage, String detail, RecordMetadata source) {
        return new DeadLetter(reason, stage, detail, source.topic(), source.partition(), source.offset());
    }

    static String undecodableDetail(byte[] value) {
        try {
            EventJson.read(EventTypes.PAYMENT_INITIATED, value);
        } catch (EventDecodingException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the value to be undecodable");
    }

    static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
