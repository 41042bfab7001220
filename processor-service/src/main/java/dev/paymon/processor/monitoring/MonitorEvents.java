package dev.paymon.processor.monitoring;

import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;

/** Told what the pipeline decided, e.g. to count it ({@link MonitoringMetrics}). */
public interface MonitorEvents {

    /** A payment id seen before was dropped. */
    void duplicate();

    /** A payment arrived after its window had closed: processed, marked late, not in the window's result. */
    void latePayment();

    void alertRaised(FraudRule rule);

    /** A payment was monitored and goes to {@code payments.enriched.v1} with this status. */
    default void paymentProcessed(PaymentStatus status) {
    }
}
