package dev.paymon.systemtest.poison;

import static dev.paymon.events.DeadLetterReason.INVALID_EVENT;
import static dev.paymon.events.DeadLetterReason.MISSING_EVENT_TIME;
import static dev.paymon.events.DeadLetterReason.UNDECODABLE;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.Channel;
import dev.paymon.events.CloudEvents;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.Event;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventType;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FraudRule;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.HeaderNames;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Severity;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The poison for every input topic of the processor ({@code payments.initiated.v1}, {@code reference.accounts.v1},
 * {@code reference.fx-rates.v1}) and of the subscriber ({@code payments.enriched.v1}, {@code fraud.alerts.v1},
 * {@code accounts.activity.v1}, {@code payments.dlq.v1}), each with the reason it must be dead-lettered with. Each
 * event topic gets bytes that are not JSON, truncated JSON, valid JSON of another event type (with that type's
 * CloudEvents headers), an unknown {@code schemaVersion}, another type's JSON without any headers, and a number no
 * decimal holds; the processor's payments also a tombstone and an {@code occurredAt} no instant holds. The processor's
 * dead-letter topic, whose values are opaque, gets records without readable dead-letter headers.
 */
final class PoisonRecords {

    private static final String SOURCE = "/paymon/poison-test";
    private static final byte[] NOT_JSON = {0x00, 0x01, (byte) 0xff, 'p', 'o', 'i', 's', 'o', 'n'};

    private PoisonRecords() {
    }

    /** @param key the key of every record of the event topics (a valid account, so poison shares its partition) */
    static List<PoisonRecord> all(String run, String key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PaymentInitiated payment = new PaymentInitiated("poison-" + run, key, new BigDecimal("10.00"), "EUR", "m-1",
                "5411", "DE", Channel.ECOMMERCE, now);
        AccountProfileUpdated profile = new AccountProfileUpdated(key, "DE", RiskTier.LOW, new BigDecimal("500.00"),
                "EUR", now);
        FxRateUpdated rate = new FxRateUpdated("USD", new BigDecimal("0.5"), "EUR", now);
        PaymentEnriched enriched = new PaymentEnriched(payment, new BigDecimal("10.00"), "EUR", null,
                PaymentStatus.ACCEPTED, List.of(), now, false);
        AlertRaised alert = new AlertRaised("poison-alert-" + run, key, FraudRule.VELOCITY, Severity.MEDIUM,
                List.of(payment.paymentId()), now);
        AccountActivity activity = new AccountActivity(key, now.truncatedTo(ChronoUnit.MINUTES),
                now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60), 1, new BigDecimal("10.00"),
                new BigDecimal("10.00"));

        List<PoisonRecord> all = new ArrayList<>();
        all.addAll(eventTopic(Topics.PAYMENTS_INITIATED, key, payment, activity, alert, MISSING_EVENT_TIME));
        all.add(poison("occurredAt beyond any instant", Topics.PAYMENTS_INITIATED.name(), key,
                json(payment).replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":1e18").getBytes(UTF_8),
                headers(EventTypes.PAYMENT_INITIATED, payment), MISSING_EVENT_TIME));
        all.add(poison("tombstone", Topics.PAYMENTS_INITIATED.name(), key, null, List.of(), UNDECODABLE));
        all.add(poison("a valid payment labelled as another event type", Topics.PAYMENTS_INITIATED.name(), key,
                bytes(payment), headers(EventTypes.PAYMENT_ENRICHED, enriched), UNDECODABLE));
        all.addAll(eventTopic(Topics.ACCOUNTS_REFERENCE, key, profile, rate, payment, INVALID_EVENT));
        all.addAll(eventTopic(Topics.FX_RATES_REFERENCE, "XAU", rate, payment, profile, INVALID_EVENT));
        all.addAll(eventTopic(Topics.PAYMENTS_ENRICHED, key, enriched, payment, alert, INVALID_EVENT));
        all.addAll(eventTopic(Topics.FRAUD_ALERTS, key, alert, enriched, activity, INVALID_EVENT));
        // A payment has no count of payments, a number an activity needs: it cannot even be read as one.
        all.addAll(eventTopic(Topics.ACCOUNTS_ACTIVITY, key, activity, alert, payment, UNDECODABLE));
        all.addAll(deadLetterTopic(key));
        return all;
    }

    /**
     * @param valid           a valid event of the topic, spoilt in several ways
     * @param otherType       an event of another type, sent with its own CloudEvents headers
     * @param headerless      an event of another type, sent without any headers
     * @param headerlessReason what the consumer makes of the headerless one (it reads the JSON as its own type)
     */
    private static <T extends Event> List<PoisonRecord> eventTopic(Topic<T> topic, String key, T valid,
                                                                   Event otherType, Event headerless,
                                                                   DeadLetterReason headerlessReason) {
        @SuppressWarnings("unchecked") // an event topic's values are of its event type
        EventType<T> type = (EventType<T>) topic.eventType();
        String json = json(valid);
        List<Header> headers = headers(type, valid);
        String name = topic.name();
        return List.of(
                poison("not JSON", name, key, NOT_JSON, List.of(), UNDECODABLE),
                poison("truncated JSON", name, key, json.substring(0, json.length() / 2).getBytes(UTF_8), headers,
                        UNDECODABLE),
                poison("valid JSON of another event type", name, key, bytes(otherType), headers(otherType),
                        UNDECODABLE),
                poison("unknown schemaVersion", name, key,
                        json.replace("\"" + EventJson.VERSION_FIELD + "\":" + type.version(),
                                "\"" + EventJson.VERSION_FIELD + "\":99").getBytes(UTF_8), headers, UNDECODABLE),
                poison("no headers, another type's JSON", name, key, bytes(headerless), List.of(), headerlessReason),
                poison("a number no decimal holds", name, key, (json.substring(0, json.length() - 1)
                        + ",\"extra\":1e99999999999}").getBytes(UTF_8), headers, UNDECODABLE));
    }

    /** Records of the processor's dead-letter topic whose dead-letter headers are missing or unreadable. */
    private static List<PoisonRecord> deadLetterTopic(String key) {
        String topic = Topics.PAYMENTS_DLQ.name();
        byte[] original = "{\"original\":true}".getBytes(UTF_8);
        return List.of(
                poison("no headers", topic, key, original, List.of(), UNDECODABLE),
                poison("unknown reason", topic, key, original, deadLetterHeaders("NOT_A_REASON", "decode", "0", "0"),
                        UNDECODABLE),
                poison("partition not a number", topic, key, original,
                        deadLetterHeaders("UNDECODABLE", "decode", "zero", "0"), UNDECODABLE),
                poison("offset missing", topic, key, original, deadLetterHeaders("UNDECODABLE", "decode", "0", null),
                        UNDECODABLE),
                poison("stage missing", topic, key, original, deadLetterHeaders("UNDECODABLE", null, "0", "0"),
                        UNDECODABLE));
    }

    private static List<Header> deadLetterHeaders(String reason, String stage, String partition, String offset) {
        List<Header> headers = new ArrayList<>();
        headers.add(header(HeaderNames.DLQ_REASON, reason));
        headers.add(header(HeaderNames.DLQ_STAGE, stage));
        headers.add(header(HeaderNames.DLQ_DETAIL, "written by the poison test"));
        headers.add(header(HeaderNames.DLQ_SOURCE_TOPIC, Topics.PAYMENTS_INITIATED.name()));
        headers.add(header(HeaderNames.DLQ_SOURCE_PARTITION, partition));
        headers.add(header(HeaderNames.DLQ_SOURCE_OFFSET, offset));
        return headers.stream().filter(header -> header.value() != null).toList();
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value == null ? null : value.getBytes(UTF_8));
    }

    private static PoisonRecord poison(String name, String topic, String key, byte[] value, List<Header> headers,
                                       DeadLetterReason reason) {
        return new PoisonRecord(name, topic, key, value, headers, reason);
    }

    private static String json(Event event) {
        return new String(bytes(event), UTF_8);
    }

    private static byte[] bytes(Event event) {
        return EventJson.write(typeOf(event), cast(event));
    }

    private static List<Header> headers(Event event) {
        return headers(typeOf(event), cast(event));
    }

    private static <T extends Event> List<Header> headers(EventType<T> type, T event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.write(headers, type, event, SOURCE);
        return Arrays.asList(headers.toArray());
    }

    @SuppressWarnings("unchecked") // the type is looked up by the event's own class
    private static <T extends Event> EventType<T> typeOf(Event event) {
        return (EventType<T>) EventTypes.ALL.stream().filter(type -> type.javaType().isInstance(event)).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Event> T cast(Event event) {
        return (T) event;
    }
}
