package dev.paymon.publisher.payments;

import dev.paymon.publisher.web.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counter {@code paymon.publisher.payments} by {@code outcome}: {@code accepted} (published),
 * {@code rejected} (invalid input), {@code unavailable} (Kafka did not take it: 503 or a rejected batch item)
 * and {@code async_failed} (accepted with {@code ?async=true}, then lost because Kafka failed); and the rejected
 * items of a batch by {@link RejectionReason} (rejected requests are counted where they are answered).
 */
@Component
class PaymentMetrics {

    private final Counter accepted;
    private final Counter rejected;
    private final Counter unavailable;
    private final Counter asyncFailed;
    private final MeterRegistry registry;

    PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    /** One item of a batch was rejected. */
    void rejected(RejectionReason reason) {
        reason.count(registry, 1);
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
