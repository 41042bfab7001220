package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.subscriber.config.ProjectionCounters;
import dev.paymon.subscriber.config.Projector;
import dev.paymon.subscriber.config.StreamAnnouncement;
import dev.paymon.subscriber.config.StreamEventType;
import dev.paymon.subscriber.config.ValueStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code payments.enriched.v1} into the {@code payments} table with an exactly-once effect
 * through the shared {@link Projector} (rows and offsets in one database transaction per batch).
 * A payment delivered again under another offset (a replay by the producer) is still skipped by its id,
 * and only a new payment is added to its account's summary.
 */
@Component
class PaymentProjection {

    private final PaymentRepository payments;
    private final Projector projector;
    private final ProjectionCounters counters;
    private final ValueStore<PaymentEnriched> store = new ValueStore<>() {

        @Override
        public boolean store(PaymentEnriched event) {
            return PaymentProjection.this.store(event);
        }

        @Override
        public boolean[] storeAll(List<PaymentEnriched> events) {
            return PaymentProjection.this.storeAll(events);
        }
    };

    PaymentProjection(PaymentRepository payments, Projector projector, MeterRegistry meters) {
        this.payments = payments;
        this.projector = projector;
        this.counters = ProjectionCounters.register(meters, "payments", "Payments");
    }

    @KafkaListener(id = "payments", idIsGroup = false,
            topics = "#{T(dev.paymon.events.Topics).PAYMENTS_ENRICHED.name()}",
            containerFactory = PaymentsKafkaConfig.LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, PaymentEnriched>> records, Consumer<?, ?> consumer) {
        projector.project(records, consumer, "payment", store,
                event -> StreamAnnouncement.of(StreamEventType.PAYMENT, event.payment().accountId(),
                        PaymentResponse.of(StoredPayment.from(event))),
                counters, event -> event.payment().occurredAt());
    }

    /** Stores a new payment and adds it to its account's totals, in the batch's transaction. */
    private boolean store(PaymentEnriched event) {
        StoredPayment payment = StoredPayment.from(event);
        if (!payments.insert(payment)) {
            return false;
        }
        payments.addToAccountSummary(payment);
        return true;
    }

    /**
     * Stores a batch of payments with the effect of {@link #store} on each, in a few statements: the new ones
     * inserted at once, and their sums added to each account's totals once per account.
     */
    private boolean[] storeAll(List<PaymentEnriched> events) {
        List<StoredPayment> batch = events.stream().map(StoredPayment::from).toList();
        boolean[] stored = payments.insertAll(batch);
        List<StoredPayment> added = new ArrayList<>();
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                added.add(batch.get(i));
            }
        }
        if (!added.isEmpty()) {
            payments.addToAccountSummaries(added);
        }
        return stored;
    }
}
