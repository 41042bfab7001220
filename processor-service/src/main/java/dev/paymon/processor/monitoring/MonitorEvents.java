package dev.paymon.processor.monitoring;

import dev.paymon.events.FraudRule;

/** Told what the pipeline decided, e.g. to count it ({@link MonitoringMetrics}). */
public interface MonitorEvents {

    /** A payment id seen before was dropped. */
    void duplicate();

    /** A payment arrived after its window's grace period and was dead-lettered. */
    void lateEvent();

    void alertRaised(FraudRule rule);
}
