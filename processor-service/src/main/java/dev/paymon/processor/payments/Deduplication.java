package dev.paymon.processor.payments;

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
 * Drops a payment whose {@code paymentId} was seen within {@code retention} (in event time) before or
 * after it, and tells {@code onDuplicate}: a client retry is normal, so it is counted, not dead-lettered.
 * The ids live in the window store {@value #STORE} (key paymentId at the payment's event time, value the
 * offset of the input record; stores of earlier releases hold the event time, which no offset reaches in practice),
 * changelogged and expired by retention, so duplicates are also caught across restarts. A payment whose remembered
 * offset is its own is not a duplicate but the same input record processed again: under at-least-once a crash can
 * leave the id in the store (its changelog write got out) while its output did not, and the replay must then emit
 * it rather than drop it. Under exactly-once the store never holds what a replayed record wrote.
 * Only payments that were enriched are remembered: one dead-lettered for want of an FX rate can be
 * replayed once the rate exists.
 */
final class Deduplication implements FixedKeyProcessorSupplier<String, AccountPayment, AccountPayment> {

    static final String STORE = "payment-ids";

    private final Duration retention;
    private final Runnable onDuplicate;

    Deduplication(Duration retention, Runnable onDuplicate) {
        this.retention = retention;
        this.onDuplicate = onDuplicate;
    }

    @Override
    public FixedKeyProcessor<String, AccountPayment, AccountPayment> get() {
        return new Deduplicator();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, retention, retention, false),
                Serdes.String(), Serdes.Long()));
    }

    private final class Deduplicator implements FixedKeyProcessor<String, AccountPayment, AccountPayment> {

        private FixedKeyProcessorContext<String, AccountPayment> context;
        private WindowStore<String, Long> seen;

        @Override
        public void init(FixedKeyProcessorContext<String, AccountPayment> context) {
            this.context = context;
            this.seen = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, AccountPayment> record) {
            String paymentId = record.value().paymentId();
            long time = record.value().eventTime();
            long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
            boolean duplicate = false;
            try (WindowStoreIterator<Long> earlier = seen.fetch(paymentId, Math.max(0, time - retention.toMillis()),
                    time + retention.toMillis())) {
                while (!duplicate && earlier.hasNext()) {
                    duplicate = offset < 0 || earlier.next().value != offset;
                }
            }
            if (duplicate) {
                onDuplicate.run();
                return;
            }
            seen.put(paymentId, offset, time);
            context.forward(record);
        }
    }
}
