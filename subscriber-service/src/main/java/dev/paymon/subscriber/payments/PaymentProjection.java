package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentEnriched;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code payments.enriched.v1} into the {@code payments} table. A payment delivered again
 * (a redelivery after a crash, a replay) is skipped by its id, so it is stored once.
 */
@Component
class PaymentProjection {

    private final PaymentRepository payments;
    private final Counter stored;
    private final Counter duplicates;

    PaymentProjection(PaymentRepository payments, MeterRegistry meters) {
        this.payments = payments;
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
    void on(PaymentEnriched event) {
        if (payments.insert(StoredPayment.from(event))) {
            stored.increment();
        } else {
            duplicates.increment();
        }
    }
}
