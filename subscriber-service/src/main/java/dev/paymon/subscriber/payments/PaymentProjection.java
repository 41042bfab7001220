package dev.paymon.subscriber.payments;

import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.subscriber.projection.ListenerContainerFactories;
import dev.paymon.subscriber.projection.ProjectionCountRepository;
import dev.paymon.subscriber.projection.ProjectionCounters;
import dev.paymon.subscriber.projection.Projector;
import dev.paymon.subscriber.projection.RefusedValueException;
import dev.paymon.subscriber.projection.StreamAnnouncement;
import dev.paymon.subscriber.projection.StreamEventType;
import dev.paymon.subscriber.projection.ValueStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code payments.enriched.v1} into the {@code payments} table with an exactly-once effect
 * through the shared {@link Projector} (rows and offsets in one database transaction per batch).
 * A payment delivered again under another offset (a replay by the producer) is still skipped by its id,
 * and only a new payment is added to its account's summary and to the stats' counts ({@value #COUNTERS}status,
 * {@value #LATE}). One id is one payment: a different payment under a stored id (another account, amount, time...,
 * by {@link dev.paymon.events.PaymentFingerprint}) is neither skipped nor stored but refused
 * ({@code PAYMENT_ID_CONFLICT}, to {@code subscriber.dlq.v1}).
 */
@Component
class PaymentProjection {

    static final String COUNTERS = "payments.";
    static final String LATE = "payments.late";

    private final PaymentRepository payments;
    private final AccountTotalsRepository totals;
    private final ProjectionCountRepository counts;
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

    PaymentProjection(PaymentRepository payments, AccountTotalsRepository totals, ProjectionCountRepository counts,
                      Projector projector, MeterRegistry meters) {
        this.payments = payments;
        this.totals = totals;
        this.counts = counts;
        this.projector = projector;
        this.counters = ProjectionCounters.register(meters, "payments", "Payments");
    }

    @KafkaListener(id = "payments", idIsGroup = false,
            topics = "#{T(dev.paymon.events.Topics).PAYMENTS_ENRICHED.name()}",
            containerFactory = ListenerContainerFactories.PAYMENTS)
    void on(List<ConsumerRecord<String, PaymentEnriched>> records, Consumer<?, ?> consumer) {
        projector.project(records, consumer, "payment", store,
                event -> StreamAnnouncement.of(StreamEventType.PAYMENT, event.payment().accountId(),
                        PaymentResponse.of(StoredPayment.from(event))),
                counters, event -> event.payment().occurredAt());
    }

    /** Stores a new payment and adds it to its account's totals and the counts, in the batch's transaction. */
    private boolean store(PaymentEnriched event) {
        StoredPayment payment = StoredPayment.from(event);
        if (!payments.insert(payment)) {
            refuseConflicts(List.of(payment));
            return false;
        }
        totals.addToAccountSummary(payment);
        counts.add(countsOf(List.of(payment)));
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
        List<StoredPayment> again = new ArrayList<>();
        for (int i = 0; i < stored.length; i++) {
            (stored[i] ? added : again).add(batch.get(i));
        }
        refuseConflicts(again);
        if (!added.isEmpty()) {
            totals.addToAccountSummaries(added);
            counts.add(countsOf(added));
        }
        return stored;
    }

    /** Refuses the first of {@code again} (payments whose id was stored already) that is not the stored payment. */
    private void refuseConflicts(List<StoredPayment> again) {
        if (again.isEmpty()) {
            return;
        }
        Map<String, StoredPayment> stored = payments.findAll(again.stream().map(StoredPayment::paymentId).toList());
        for (StoredPayment payment : again) {
            StoredPayment first = stored.get(payment.paymentId());
            if (first != null && !first.isSamePaymentAs(payment)) {
                throw new RefusedValueException(DeadLetterReason.PAYMENT_ID_CONFLICT, "paymentId "
                        + payment.paymentId() + " is stored for a different payment (account " + first.accountId()
                        + ", " + first.amount().toPlainString() + " " + first.currency() + " at " + first.occurredAt()
                        + "); this one: account " + payment.accountId() + ", " + payment.amount().toPlainString() + " "
                        + payment.currency() + " at " + payment.occurredAt());
            }
        }
    }

    private static Map<String, Long> countsOf(List<StoredPayment> added) {
        Map<String, Long> deltas = new HashMap<>();
        for (StoredPayment payment : added) {
            deltas.merge(COUNTERS + payment.status().name(), 1L, Long::sum);
            if (payment.late()) {
                deltas.merge(LATE, 1L, Long::sum);
            }
        }
        return deltas;
    }
}
