package dev.paymon.processor.monitoring;

import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of the monitoring pipeline (Prometheus names end in {@code _total}): {@value #DUPLICATES},
 * {@value #LATE_PAYMENTS}, {@value #ALERTS} (tag {@code rule}) and {@value #PROCESSED} (tag {@code status}). As with the dead-letter counter, work
 * redone after an aborted exactly-once transaction is counted again: the topics are the truth.
 */
@Component
public class MonitoringMetrics implements MonitorEvents {

    public static final String DUPLICATES = "paymon.processor.duplicates";
    public static final String LATE_PAYMENTS = "paymon.processor.late.payments";
    public static final String ALERTS = "paymon.processor.alerts";
    public static final String PROCESSED = "paymon.processor.payments.processed";

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter latePayments;

    MonitoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder(DUPLICATES).description("Payments dropped as duplicates of a payment id")
                .register(registry);
        this.latePayments = Counter.builder(LATE_PAYMENTS)
                .description("Payments processed after their window had closed (late=true, not in the window's result)")
                .register(registry);
    }

    @Override
    public void duplicate() {
        duplicates.increment();
    }

    @Override
    public void latePayment() {
        latePayments.increment();
    }

    @Override
    public void alertRaised(FraudRule rule) {
        Counter.builder(ALERTS).description("Fraud alerts raised").tag("rule", rule.name()).register(registry).increment();
    }

    @Override
    public void paymentProcessed(PaymentStatus status) {
        Counter.builder(PROCESSED).description("Payments written to payments.enriched.v1, by status")
                .tag("status", status.name()).register(registry).increment();
    }
}
