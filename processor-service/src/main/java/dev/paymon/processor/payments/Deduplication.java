package dev.paymon.processor.payments;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentFingerprint;
import dev.paymon.processor.deadletter.DeadLetterCause;
import dev.paymon.processor.monitoring.AccountPayment;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One {@code paymentId} is one payment. A payment whose id was seen within {@code retention} (in event time) before
 * or after it is either the same payment again, dropped and told to {@code onDuplicate} (a client retry is normal,
 * so it is counted, not dead-lettered), or a different payment under a taken id (another account, amount, time...),
 * which is neither dropped nor processed but rejected {@code PAYMENT_ID_CONFLICT} ({@value #STAGE}) for the DLQ.
 * "The same" means the same {@link PaymentFingerprint}.
 *
 * <p>The ids live in the window store {@value #STORE} (key paymentId at the payment's event time, value the offset of
 * the input record and the payment's fingerprint, see {@link SeenPayment}), changelogged and expired by retention, so
 * duplicates are also caught across restarts. A payment whose remembered offset is its own is not a duplicate but the
 * same input record processed again: under at-least-once a crash can leave the id in the store (its changelog write
 * got out) while its output did not, and the replay must then emit it rather than drop it. Under exactly-once the
 * store never holds what a replayed record wrote. Only payments that were enriched are remembered: one
 * dead-lettered for want of an FX rate can be replayed once the rate exists.
 *
 * <p>Ids are remembered per task, that is per partition of accounts: the same id under an account of another
 * partition is caught by the subscriber, which holds every payment.
 */
final class Deduplication implements FixedKeyProcessorSupplier<String, Attempt<AccountPayment>, Attempt<AccountPayment>> {

    static final String STORE = "payment-ids";
    static final String STAGE = "dedupe";

    private final Duration retention;
    private final Runnable onDuplicate;

    Deduplication(Duration retention, Runnable onDuplicate) {
        this.retention = retention;
        this.onDuplicate = onDuplicate;
    }

    @Override
    public FixedKeyProcessor<String, Attempt<AccountPayment>, Attempt<AccountPayment>> get() {
        return new Deduplicator();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, retention, retention, false),
                Serdes.String(), SeenPayment.serde()));
    }

    private final class Deduplicator
            implements FixedKeyProcessor<String, Attempt<AccountPayment>, Attempt<AccountPayment>> {

        private FixedKeyProcessorContext<String, Attempt<AccountPayment>> context;
        private WindowStore<String, SeenPayment> seen;

        @Override
        public void init(FixedKeyProcessorContext<String, Attempt<AccountPayment>> context) {
            this.context = context;
            this.seen = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, Attempt<AccountPayment>> record) {
            AccountPayment payment = record.value().value();
            String paymentId = payment.paymentId();
            long time = payment.eventTime();
            long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
            long fingerprint = PaymentFingerprint.of(payment.payment().payment());
            SeenPayment earlier = earlier(paymentId, time, offset);
            if (earlier == null) {
                seen.put(paymentId, new SeenPayment(offset, fingerprint), time);
                context.forward(record);
            } else if (earlier.isSamePaymentAs(fingerprint)) {
                onDuplicate.run();
            } else {
                context.forward(record.withValue(Attempt.rejected(record.value().original(), new DeadLetterCause(
                        DeadLetterReason.PAYMENT_ID_CONFLICT, STAGE, "paymentId " + paymentId + " is taken by a "
                        + "different payment (input offset " + earlier.offset() + " of this partition)"))));
            }
        }

        /** The payment seen with this id within the retention, unless that was this very input record; or null. */
        private SeenPayment earlier(String paymentId, long time, long offset) {
            try (WindowStoreIterator<SeenPayment> found = seen.fetch(paymentId,
                    Math.max(0, time - retention.toMillis()), time + retention.toMillis())) {
                while (found.hasNext()) {
                    SeenPayment candidate = found.next().value;
                    if (offset < 0 || candidate.offset() != offset) {
                        return candidate;
                    }
                }
            }
            return null;
        }
    }
}
