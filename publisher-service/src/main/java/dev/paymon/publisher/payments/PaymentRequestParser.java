package dev.paymon.publisher.payments;

import dev.paymon.events.Channel;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.publisher.web.InvalidRequestException;
import dev.paymon.publisher.web.JsonFields;
import dev.paymon.publisher.PublisherProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON of one payment request into a {@link PaymentInitiated}, or throws
 * {@link InvalidRequestException} listing every bad field. Fills in a random UUID {@code paymentId} and
 * {@code occurredAt = now} when absent; refuses an {@code occurredAt} more than
 * {@code paymon.publisher.max-event-time-ahead} ahead of the publisher's clock (exactly that far is accepted). Small
 * clock skew is tolerated; more is refused here, with an answer the client can act on, because a payment stamped
 * ahead of the clock must never make other payments late: the processor caps its watermark at its own clock and
 * dead-letters what is beyond its own, larger limit, so nothing the publisher accepts reaches that far.
 */
@Component
class PaymentRequestParser {

    static final List<String> FIELDS = List.of("paymentId", "accountId", "amount", "currency", "merchantId",
            "merchantCategory", "country", "channel", "occurredAt");

    private final Clock clock;
    private final Duration maxAhead;

    PaymentRequestParser(Clock clock, PublisherProperties properties) {
        this.clock = clock;
        this.maxAhead = properties.maxEventTimeAhead();
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

    private Instant occurredAt(JsonFields fields, Instant now) {
        Instant occurredAt = fields.instant("occurredAt");
        if (occurredAt == null) {
            return fields.hasError("occurredAt") ? null : now;
        }
        if (occurredAt.isAfter(now.plus(maxAhead))) {
            return fields.reject("occurredAt", "must not be more than " + text(maxAhead) + " ahead of the "
                    + "publisher's clock (was " + text(roundedUp(Duration.between(now, occurredAt))) + " ahead)");
        }
        return occurredAt;
    }

    /** To whole milliseconds, up: a refused time never reads as within the limit. */
    private static Duration roundedUp(Duration duration) {
        Duration millis = duration.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(duration) ? millis : millis.plusMillis(1);
    }

    /** A duration as Go prints it, to the millisecond: {@code 250ms}, {@code 10s}, {@code 4m0s}, {@code 26h0m1.5s}. */
    static String text(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutes() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        text.append(duration.toSecondsPart());
        if (duration.toMillisPart() > 0) {
            text.append('.').append(String.format(Locale.ROOT, "%03d", duration.toMillisPart()).replaceAll("0+$", ""));
        }
        return text.append('s').toString();
    }
}
