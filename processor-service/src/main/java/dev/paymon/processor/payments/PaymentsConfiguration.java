package dev.paymon.processor.payments;

import dev.paymon.processor.ProcessorProperties;
import dev.paymon.processor.deadletter.DeadLetterMetrics;
import dev.paymon.processor.monitoring.AccountMonitoring;
import dev.paymon.processor.monitoring.InputProgress;
import dev.paymon.processor.monitoring.MonitoringMetrics;
import dev.paymon.processor.monitoring.WindowProperties;
import dev.paymon.processor.rules.RuleProperties;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the payment pipeline to the application's {@code StreamsBuilder}. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    @Bean
    PaymentTopology paymentTopology(StreamsBuilder streams, ProcessorProperties properties, WindowProperties windows,
                                    RuleProperties rules, Clock clock, MonitoringMetrics monitoringMetrics,
                                    DeadLetterMetrics deadLetterMetrics, InputProgress progress,
                                    ObjectProvider<Tracer> tracer,
                                    ObjectProvider<Propagator> propagator) {
        PaymentEnrichment enrichment = new PaymentEnrichment(new FxConversion(properties.baseCurrency()), clock);
        PaymentTopology topology = new PaymentTopology(new EventTimeLimit(clock, properties.maxEventTimeAhead()),
                enrichment, properties.dedupeRetention(),
                new AccountMonitoring(windows, rules.rules(), monitoringMetrics, progress), monitoringMetrics, deadLetterMetrics,
                new PaymentTracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP)));
        topology.build(streams);
        return topology;
    }
}
