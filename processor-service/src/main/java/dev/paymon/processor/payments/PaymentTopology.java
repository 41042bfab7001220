package dev.paymon.processor.payments;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.processor.deadletter.DeadLetterRecords;
import dev.paymon.processor.monitoring.AccountMonitoring;
import dev.paymon.processor.monitoring.AccountPayment;
import dev.paymon.processor.monitoring.MonitorEvents;
import dev.paymon.processor.monitoring.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The payment pipeline: decode and validate, enrich with reference data, drop duplicates, then
 * monitor each account (event-time windows and fraud rules), and dead-letter whatever cannot be
 * processed. Everything after the source is keyed by accountId, as the input is, so all state lives in
 * one sub-topology without repartitioning.
 *
 * <table>
 *   <caption>Topics (keys are UTF-8 strings)</caption>
 *   <tr><th>topic</th><th>direction</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@code payments.initiated.v1}</td><td>in, event time from {@code occurredAt}</td><td>accountId</td>
 *       <td>{@code PaymentInitiated} JSON, read as raw bytes and decoded here</td></tr>
 *   <tr><td>{@code reference.fx-rates.v1}</td><td>in, {@code GlobalKTable} {@value #FX_RATES}</td>
 *       <td>currency</td><td>{@code FxRateUpdated} JSON (v1 upcast to v2), CloudEvents headers</td></tr>
 *   <tr><td>{@code reference.accounts.v1}</td><td>in, {@code GlobalKTable} {@value #ACCOUNT_PROFILES}</td>
 *       <td>accountId</td><td>{@code AccountProfileUpdated} JSON, CloudEvents headers</td></tr>
 *   <tr><td>{@code payments.enriched.v1}</td><td>out, timestamp occurredAt</td><td>accountId</td>
 *       <td>{@code PaymentEnriched} JSON (FLAGGED with the ids of the alerts it raised, {@code late} when its window
 *       had closed), CloudEvents headers with source {@value #SOURCE}</td></tr>
 *   <tr><td>{@code fraud.alerts.v1}</td><td>out, timestamp occurredAt of the payment</td><td>accountId</td>
 *       <td>{@code AlertRaised} JSON, CloudEvents headers</td></tr>
 *   <tr><td>{@code accounts.activity.v1}</td><td>out, timestamp windowEnd</td><td>accountId</td>
 *       <td>{@code AccountActivity} JSON, the final result of a window, CloudEvents headers</td></tr>
 *   <tr><td>{@code payments.dlq.v1}</td><td>out</td><td>original key</td>
 *       <td>original bytes; original headers plus {@code DeadLetter} headers (reason, stage, detail,
 *       source topic, partition, offset)</td></tr>
 * </table>
 *
 * <p>State stores (persistent, changelogged): {@value Deduplication#STORE} (payment ids), and the
 * monitor's {@value AccountMonitoring#WINDOWS}, {@value AccountMonitoring#WATERMARK},
 * {@value AccountMonitoring#SIGHTINGS}, {@value AccountMonitoring#SIGHTING_COUNTRIES},
 * {@value AccountMonitoring#DAILY_SPEND} (see {@code AccountMonitoring}).
 *
 * <p>Dead-letter reasons: {@code UNDECODABLE} (stage {@code decode}; also a {@code ce_type} of another event type),
 * {@code MISSING_EVENT_TIME} and {@code INVALID_EVENT} ({@code validate}), {@code UNKNOWN_FX_RATE} and
 * {@code PROCESSING_ERROR} ({@code enrich}), {@code PAYMENT_ID_CONFLICT} ({@code dedupe}: a taken id on a different
 * payment), {@code PROCESSING_ERROR} ({@code monitor}). A valid payment is never dead-lettered for being late: it is
 * processed and marked {@code late} (see {@code AccountMonitor}).
 * Payments are decoded inside the topology, not by a serde, so that the dead-letter record is
 * written in the same exactly-once transaction as the input offset and keeps the original bytes.
 *
 * <p>A payment whose currency has no rate against the base currency goes to the DLQ at once rather
 * than waiting for the rate: waiting would need a buffer store and a timeout, and would hold back
 * the account's later payments, while a replay from the DLQ once the rate is published is simple
 * and visible (duplicates are dropped after enrichment, so the replay is not taken for one). Reference
 * tables are global, so every instance holds all rates and profiles and no co-partitioning is needed;
 * the lookups are done in {@link PaymentEnricher} rather than with DSL joins so that a failing lookup
 * rejects one payment instead of killing the stream thread.
 *
 * <p>Each payment record is processed inside a span that continues the publisher's trace ({@link PaymentTracing});
 * the outputs carry its {@code traceparent} header.
 *
 * <p>Reference records that cannot be read are dead-lettered by the deserialization exception
 * handler (package {@code deadletter}). Kafka Streams restores a global table from its topic without
 * deserializing, so a bad record already in the topic when an instance starts reaches the table
 * unread; a payment that needs it is then dead-lettered with {@code PROCESSING_ERROR}.
 */
final class PaymentTopology {

    /** CloudEvents {@code ce_source} of the records this service writes. */
    static final String SOURCE = "/paymon/processor";
    static final String FX_RATES = "fx-rates";
    static final String ACCOUNT_PROFILES = "account-profiles";

    private final EventTimeLimit eventTimeLimit;
    private final PaymentEnrichment enrichment;
    private final Duration dedupeRetention;
    private final AccountMonitoring monitoring;
    private final MonitorEvents events;
    private final Consumer<DeadLetter> deadLetters;
    private final PaymentTracing tracing;

    /**
     * @param events      told of duplicates, late payments and alerts, e.g. to count them
     * @param deadLetters told of every dead-letter record written, e.g. to count them
     * @param tracing     continues each payment's trace, or {@link PaymentTracing#NONE}
     */
    PaymentTopology(EventTimeLimit eventTimeLimit, PaymentEnrichment enrichment, Duration dedupeRetention,
                    AccountMonitoring monitoring, MonitorEvents events, Consumer<DeadLetter> deadLetters,
                    PaymentTracing tracing) {
        this.eventTimeLimit = eventTimeLimit;
        this.enrichment = enrichment;
        this.dedupeRetention = dedupeRetention;
        this.monitoring = monitoring;
        this.events = events;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    void build(StreamsBuilder builder) {
        PaymentDecoding decoding = new PaymentDecoding(eventTimeLimit);
        GlobalKTable<String, FxRateUpdated> fxRates = referenceTable(builder, Topics.FX_RATES_REFERENCE, FX_RATES);
        GlobalKTable<String, AccountProfileUpdated> profiles =
                referenceTable(builder, Topics.ACCOUNTS_REFERENCE, ACCOUNT_PROFILES);

        Map<String, KStream<String, Attempt<PaymentInitiated>>> decoded = builder
                .stream(Topics.PAYMENTS_INITIATED.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withTimestampExtractor(new OccurredAtExtractor(eventTimeLimit)).withName("payments-initiated-source"))
                .processValues(tracing, Named.as("trace-payment"))
                .processValues(decoding, Named.as("decode-payment"))
                .split(Named.as("decode-"))
                .branch((accountId, attempt) -> attempt.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        Map<String, KStream<String, Attempt<AccountPayment>>> enriched = decoded.get("decode-accepted")
                .processValues(() -> new PaymentEnricher(fxRates.queryableStoreName(),
                        profiles.queryableStoreName(), enrichment), Named.as("enrich-payment"))
                .split(Named.as("enrich-"))
                .branch((accountId, attempt) -> attempt.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        Map<String, KStream<String, Attempt<AccountPayment>>> firstSeen = enriched.get("enrich-accepted")
                .processValues(new Deduplication(dedupeRetention, events::duplicate), Named.as("dedupe-payment"))
                .split(Named.as("dedupe-"))
                .branch((accountId, attempt) -> attempt.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        Map<String, KStream<String, Outcome>> outcomes = firstSeen.get("dedupe-accepted")
                .mapValues(Attempt::value, Named.as("first-seen-payment"))
                .process(monitoring, Named.as("monitor-account"))
                .split(Named.as("outcome-"))
                .branch((accountId, outcome) -> outcome instanceof Outcome.Payment, Branched.as("payment"))
                .branch((accountId, outcome) -> outcome instanceof Outcome.Alert, Branched.as("alert"))
                .branch((accountId, outcome) -> outcome instanceof Outcome.Activity, Branched.as("activity"))
                .defaultBranch(Branched.as("rejected"));

        outcomes.get("outcome-payment").mapValues(outcome -> ((Outcome.Payment) outcome).payment(), Named.as("payment"))
                .to(Topics.PAYMENTS_ENRICHED.name(), produced(Topics.PAYMENTS_ENRICHED, "payments-enriched-sink"));
        outcomes.get("outcome-alert").mapValues(outcome -> ((Outcome.Alert) outcome).alert(), Named.as("alert"))
                .to(Topics.FRAUD_ALERTS.name(), produced(Topics.FRAUD_ALERTS, "fraud-alerts-sink"));
        outcomes.get("outcome-activity").mapValues(outcome -> ((Outcome.Activity) outcome).activity(), Named.as("activity"))
                .to(Topics.ACCOUNTS_ACTIVITY.name(), produced(Topics.ACCOUNTS_ACTIVITY, "accounts-activity-sink"));

        decoded.get("decode-rejected").mapValues(Attempt::toRejected, Named.as("rejected-at-decode"))
                .merge(enriched.get("enrich-rejected").mapValues(Attempt::toRejected, Named.as("rejected-at-enrich")),
                        Named.as("rejected-before-dedupe"))
                .merge(firstSeen.get("dedupe-rejected").mapValues(Attempt::toRejected, Named.as("rejected-at-dedupe")),
                        Named.as("rejected-before-monitor"))
                .merge(outcomes.get("outcome-rejected").mapValues(outcome -> ((Outcome.DeadLettered) outcome).rejected(),
                        Named.as("rejected-at-monitor")), Named.as("rejected"))
                .processValues(() -> new DeadLetterRecords<String>(deadLetters), Named.as("dead-letter"))
                .to(Topics.PAYMENTS_DLQ.name(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("payments-dlq-sink"));
    }

    private static <V> Produced<String, V> produced(Topic<V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde(SOURCE)).withName(name);
    }

    private static <V> GlobalKTable<String, V> referenceTable(StreamsBuilder builder, Topic<V> topic, String store) {
        return builder.globalTable(topic.name(),
                Consumed.with(topic.keySerde(), topic.valueSerde(SOURCE)).withName(store),
                Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store));
    }
}
