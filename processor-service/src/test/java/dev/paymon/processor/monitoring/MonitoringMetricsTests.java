package dev.paymon.processor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.FraudRule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MonitoringMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MonitoringMetrics metrics = new MonitoringMetrics(registry);

    @Test
    void countsDuplicatesLatePaymentsAndAlertsByRule() {
        metrics.duplicate();
        metrics.latePayment();
        metrics.latePayment();
        metrics.alertRaised(FraudRule.VELOCITY);
        metrics.alertRaised(FraudRule.VELOCITY);
        metrics.alertRaised(FraudRule.DAILY_LIMIT);

        assertThat(registry.get(MonitoringMetrics.DUPLICATES).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(MonitoringMetrics.LATE_PAYMENTS).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MonitoringMetrics.ALERTS).tag("rule", "VELOCITY").counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MonitoringMetrics.ALERTS).tag("rule", "DAILY_LIMIT").counter().count()).isEqualTo(1.0);
        assertThat(registry.find(MonitoringMetrics.ALERTS).tag("rule", "LARGE_AMOUNT").counter()).isNull();
    }

    @Test
    void exposesTheDuplicateAndLateCountersAtZeroBeforeAnything() {
        assertThat(registry.get(MonitoringMetrics.DUPLICATES).counter().count()).isZero();
        assertThat(registry.get(MonitoringMetrics.LATE_PAYMENTS).counter().count()).isZero();
    }
}
