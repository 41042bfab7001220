package dev.paymon.processor.deadletter;

import dev.paymon.events.DeadLetter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Counts dead-letter records by reason: {@value #NAME}, tag {@code reason} (Prometheus:
 * {@code paymon_processor_dlq_records_total}). Under exactly-once a record counted in an aborted
 * transaction is counted again when it is reprocessed: the counter is an operational signal, the
 * topic is the truth.
 */
@Component
public class DeadLetterMetrics implements Consumer<DeadLetter> {

    public static final String NAME = "paymon.processor.dlq.records";

    private final MeterRegistry registry;

    DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(DeadLetter deadLetter) {
        Counter.builder(NAME)
                .description("Records written to the dead-letter topic")
                .tag("reason", deadLetter.reason().name())
                .register(registry)
                .increment();
    }
}
