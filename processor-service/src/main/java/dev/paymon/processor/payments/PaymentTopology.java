package dev.paymon.processor.payments;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.processor.deadletter.DeadLetterRecords;
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
 * The payment pipeline: decode and validate, enrich with reference data, write the enriched
 * payment, and dead-letter whatever cannot be processed.
 *
 * <table>
 *   <caption>Topics (keys are UTF-8 strings)</caption>
 *   <tr><th>topic</th><th>direction</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@code payments.initiated.v1}</td><td>in</td><td>accountId</td>
 *       <td>{@code PaymentInitiated} JSON, read as raw bytes and decoded here</td></tr>
 *   <tr><td>{@code reference.fx-rates.v1}</td><td>in, {@code GlobalKTable} {@value #FX_RATES}</td>
 *       <td>currency</td><td>{@code FxRateUpdated} JSON (v1 upcast to v2), CloudEvents headers</td></tr>
 *   <tr><td>{@code reference.accounts.v1}</td><td>in, {@code GlobalKTable} {@value #ACCOUNT_PROFILES}</td>
 *       <td>accountId</td><td>{@code AccountProfileUpdated} JSON, CloudEvents headers</td></tr>
 *   <tr><td>{@code payments.enriched.v1}</td><td>out</td><td>accountId</td>
 *       <td>{@code PaymentEnriched} JSON, fresh CloudEvents headers with source {@value #SOURCE}</td></tr>
 *   <tr><td>{@code payments.dlq.v1}</td><td>out</td><td>original key</td>
 *       <td>original bytes; original headers plus {@code DeadLetter} headers (reason, stage, detail,
 *       source topic, partition, offset)</td></tr>
 * </table>
 *
 * <p>Dead-letter reasons: {@code UNDECODABLE} (stage {@code decode}), {@code INVALID_EVENT}
 * ({@code validate}), {@code UNKNOWN_FX_RATE} and {@code PROCESSING_ERROR} ({@code enrich}).
 * Payments are decoded inside the topology, not by a serde, so that the dead-letter record is
 * written in the same exactly-once transaction as the input offset and keeps the original bytes.
 *
 * <p>A payment whose currency has no rate against the base currency goes to the DLQ at once rather
 * than waiting for the rate: waiting would need a buffer store and a timeout, and would hold back
 * the account's later payments, while a replay from the DLQ once the rate is published is simple
 * and visible. Reference tables are global, so every instance holds all rates and profiles and no
 * co-partitioning is needed; the lookups are done in {@link PaymentEnricher} rather than with DSL
 * joins so that a failing lookup rejects one payment instead of killing the stream thread.
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

    private final PaymentEnrichment enrichment;
    private final Consumer<DeadLetter> deadLetters;

    /** @param deadLetters told of every dead-letter record written, e.g. to count them */
    PaymentTopology(PaymentEnrichment enrichment, Consumer<DeadLetter> deadLetters) {
        this.enrichment = enrichment;
        this.deadLetters = deadLetters;
    }

    void build(StreamsBuilder builder) {
        GlobalKTable<String, FxRateUpdated> fxRates = referenceTable(builder, Topics.FX_RATES_REFERENCE, FX_RATES);
        GlobalKTable<String, AccountProfileUpdated> profiles =
                referenceTable(builder, Topics.ACCOUNTS_REFERENCE, ACCOUNT_PROFILES);

        Map<String, KStream<String, Attempt<PaymentInitiated>>> decoded = builder
                .stream(Topics.PAYMENTS_INITIATED.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("payments-initiated-source"))
                .mapValues(PaymentDecoding::decode, Named.as("decode-payment"))
                .split(Named.as("decode-"))
                .branch((accountId, attempt) -> attempt.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        Map<String, KStream<String, Attempt<PaymentEnriched>>> enriched = decoded.get("decode-accepted")
                .processValues(() -> new PaymentEnricher(fxRates.queryableStoreName(),
                        profiles.queryableStoreName(), enrichment), Named.as("enrich-payment"))
                .split(Named.as("enrich-"))
                .branch((accountId, attempt) -> attempt.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));

        enriched.get("enrich-accepted")
                .mapValues(Attempt::value, Named.as("enriched-payment"))
                .to(Topics.PAYMENTS_ENRICHED.name(), Produced.with(Topics.PAYMENTS_ENRICHED.keySerde(),
                        Topics.PAYMENTS_ENRICHED.valueSerde(SOURCE)).withName("payments-enriched-sink"));

        decoded.get("decode-rejected").mapValues(Attempt::toRejected, Named.as("rejected-at-decode"))
                .merge(enriched.get("enrich-rejected").mapValues(Attempt::toRejected, Named.as("rejected-at-enrich")),
                        Named.as("rejected"))
                .processValues(() -> new DeadLetterRecords<String>(deadLetters), Named.as("dead-letter"))
                .to(Topics.PAYMENTS_DLQ.name(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("payments-dlq-sink"));
    }

    private static <V> GlobalKTable<String, V> referenceTable(StreamsBuilder builder, Topic<V> topic, String store) {
        return builder.globalTable(topic.name(),
                Consumed.with(topic.keySerde(), topic.valueSerde(SOURCE)).withName(store),
                Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store));
    }
}
