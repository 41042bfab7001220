package dev.paymon.publisher.payments;

import dev.paymon.events.Channel;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.publisher.config.InvalidRequestException;
import dev.paymon.publisher.config.JsonFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON of one payment request into a {@link PaymentInitiated}, or throws
 * {@link InvalidRequestException} listing every bad field. Fills in a random UUID {@code paymentId} and
 * {@code occurredAt = now} when absent; refuses {@code occurredAt} more than 24 hours ahead (clock skew
 * is tolerated, fabricated future payments are not).
 */
@Component
class PaymentRequestParser {

    static final Duration MAX_AHEAD = Duration.ofHours(24);
    static final List<String> FIELDS = List.of("paymentId", "accountId", "amount", "currency", "merchantId",
            "merchantCategory", "country", "channel", "occurredAt");

    private final Clock clock;

    PaymentRequestParser(Clock clock) {
        this.clock = clock;
    }

    PaymentInitiated parse(JsonNode json) {
        JsonFields fields = JsonFields.of(json);
        Instant now = clock.instant();
        String id = fields.identifier("paymentId");
        String paymentId = id == null && !fields.hasError("paymentId") ? UUID.randomUUID().toString() : id;
        String accountId = fields.identifier("accountId");
        BigDecimal amount = fields.decimal("amount");
        String currency = fields.string("currency");
        String merchantId = fields.string("merchantId");
        String merchantCategory = fields.string("merchantCategory");
        String country = fields.string("country");
        Channel channel = fields.oneOf("channel", Channel.class);
        Instant occurredAt = occurredAt(fields, now);
        return fields.build(() -> new PaymentInitiated(paymentId, accountId, amount, currency, merchantId,
                merchantCategory, country, channel, occurredAt), FIELDS);
    }

    /** The client's {@code paymentId} if it sent a string one, so that even a rejected item can be matched. */
    static String paymentIdOf(JsonNode json) {
        JsonNode id = json == null ? null : json.get("paymentId");
        return id != null && id.isString() ? id.stringValue() : null;
    }

    private static Instant occurredAt(JsonFields fields, Instant now) {
        Instant occurredAt = fields.instant("occurredAt");
        if (occurredAt == null) {
            return fields.hasError("occurredAt") ? null : now;
        }
        if (occurredAt.isAfter(now.plus(MAX_AHEAD))) {
            return fields.reject("occurredAt", "must not be more than 24 hours in the future");
        }
        return occurredAt;
    }
}
