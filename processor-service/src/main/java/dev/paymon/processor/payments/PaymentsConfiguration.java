package dev.paymon.processor.payments;

import dev.paymon.processor.deadletter.DeadLetterMetrics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the payment pipeline to the application's {@code StreamsBuilder}. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    @Bean
    PaymentTopology paymentTopology(StreamsBuilder streams, ProcessorProperties properties, Clock clock,
                                    DeadLetterMetrics deadLetterMetrics) {
        PaymentEnrichment enrichment = new PaymentEnrichment(new FxConversion(properties.baseCurrency()), clock);
        PaymentTopology topology = new PaymentTopology(enrichment, deadLetterMetrics);
        topology.build(streams);
        return topology;
    }
}
