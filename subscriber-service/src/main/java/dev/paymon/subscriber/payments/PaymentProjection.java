package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.subscriber.config.Projector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code payments.enriched.v1} into the {@code payments} table with an exactly-once effect
 * through the shared {@link Projector} (rows and offsets in one database transaction per batch).
 * A payment delivered again under another offset (a replay by the producer) is still skipped by its id.
 */
@Component
class PaymentProjection {

    private final PaymentRepository payments;
    private final Projector projector;
    private final Counter stored;
    private final Counter duplicates;

    PaymentProjection(PaymentRepository payments, Projector projector, MeterRegistry meters) {
        this.payments = payments;
        this.projector = projector;
        this.stored = Counter.builder("paymon.subscriber.payments.stored")
                .description("Payments stored by the subscriber")
                .register(meters);
        this.duplicates = Counter.builder("paymon.subscriber.payments.duplicates")
                .description("Payments delivered again and skipped because they were stored already")
                .register(meters);
    }

    @KafkaListener(id = "payments", idIsGroup = false,
            topics = "#{T(dev.paymon.events.Topics).PAYMENTS_ENRICHED.name()}",
            containerFactory = PaymentsKafkaConfig.LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, PaymentEnriched>> records, Consumer<?, ?> consumer) {
        projector.project(records, consumer, "payment",
                event -> payments.insert(StoredPayment.from(event)), stored, duplicates);
    }
}
