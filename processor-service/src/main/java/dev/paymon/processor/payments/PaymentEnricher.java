package dev.paymon.processor.payments;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.processor.deadletter.DeadLetterCause;
import dev.paymon.processor.monitoring.AccountPayment;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Looks up the payment's FX rate and account profile in the stores of the two reference
 * {@code GlobalKTable}s and enriches it; also converts the account's daily limit to the base currency
 * for the rules. Any failure, including a reference record in a store that
 * cannot be read, rejects this payment only ({@code PROCESSING_ERROR}) instead of stopping the stream.
 */
final class PaymentEnricher implements FixedKeyProcessor<String, Attempt<PaymentInitiated>, Attempt<AccountPayment>> {

    static final String STAGE = "enrich";

    private final String fxRatesStore;
    private final String profilesStore;
    private final PaymentEnrichment enrichment;
    private FixedKeyProcessorContext<String, Attempt<AccountPayment>> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<FxRateUpdated>> fxRates;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<AccountProfileUpdated>> profiles;

    PaymentEnricher(String fxRatesStore, String profilesStore, PaymentEnrichment enrichment) {
        this.fxRatesStore = fxRatesStore;
        this.profilesStore = profilesStore;
        this.enrichment = enrichment;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Attempt<AccountPayment>> context) {
        this.context = context;
        this.fxRates = context.getStateStore(fxRatesStore);
        this.profiles = context.getStateStore(profilesStore);
    }

    @Override
    public void process(FixedKeyRecord<String, Attempt<PaymentInitiated>> record) {
        byte[] original = record.value().original();
        PaymentInitiated payment = record.value().value();
        Attempt<AccountPayment> result;
        try {
            FxRateUpdated rate = rateOf(payment.currency());
            AccountProfileUpdated profile = ValueAndTimestamp.getValueOrNull(profiles.get(payment.accountId()));
            result = enrichment.enrich(payment, rate, profile)
                    .map(enriched -> Attempt.accepted(original, new AccountPayment(original, enriched,
                            profile == null ? null : enrichment.dailyLimitInBase(profile, this::rateOf))))
                    .orElseGet(() -> Attempt.rejected(original, new DeadLetterCause(
                            DeadLetterReason.UNKNOWN_FX_RATE, STAGE, enrichment.unknownRate(payment))));
        } catch (RuntimeException failure) {
            result = Attempt.rejected(original, new DeadLetterCause(DeadLetterReason.PROCESSING_ERROR, STAGE, failure.toString()));
        }
        context.forward(record.withValue(result));
    }

    private FxRateUpdated rateOf(String currency) {
        return ValueAndTimestamp.getValueOrNull(fxRates.get(currency));
    }
}
