package dev.paymon.publisher.payments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counter {@code paymon.publisher.payments} by {@code outcome}: {@code accepted} (published),
 * {@code rejected} (invalid input), {@code unavailable} (Kafka did not take it: 503 or a rejected batch item)
 * and {@code async_failed} (accepted with {@code ?async=true}, then lost because Kafka failed).
 */
@Component
class PaymentMetrics {

    private final Counter accepted;
    private final Counter rejected;
    private final Counter unavailable;
    private final Counter asyncFailed;

    PaymentMetrics(MeterRegistry registry) {
        this.accepted = counter(registry, "accepted");
        this.rejected = counter(registry, "rejected");
        this.unavailable = counter(registry, "unavailable");
        this.asyncFailed = counter(registry, "async_failed");
    }

    void accepted(int count) {
        accepted.increment(count);
    }

    void rejected(int count) {
        rejected.increment(count);
    }

    void unavailable(int count) {
        unavailable.increment(count);
    }

    void asyncFailed() {
        asyncFailed.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("paymon.publisher.payments")
                .description("Payments received by the publisher, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
