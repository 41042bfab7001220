package dev.paymon.processor.payments;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Continues the trace of each record of {@code payments.initiated.v1}: a child span of the publisher's (from the
 * W3C {@code traceparent} header) covers everything the topology does with the record, and its context replaces
 * the record's trace headers. Kafka Streams copies input headers to the output records, so the enriched payment,
 * its alerts and any dead letter carry this span's {@code traceparent}, and the subscriber joins the same trace.
 * Without a tracer ({@link #NONE}) headers pass through unchanged.
 */
final class PaymentTracing implements FixedKeyProcessorSupplier<String, byte[], byte[]> {

    static final PaymentTracing NONE = new PaymentTracing(Tracer.NOOP, Propagator.NOOP);
    static final String SPAN_NAME = "payments.initiated.v1 process";

    private final Tracer tracer;
    private final Propagator propagator;

    PaymentTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public FixedKeyProcessor<String, byte[], byte[]> get() {
        return new FixedKeyProcessor<>() {

            private FixedKeyProcessorContext<String, byte[]> context;

            @Override
            public void init(FixedKeyProcessorContext<String, byte[]> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, byte[]> record) {
                // A copy: the input record's own headers stay as they were read.
                Headers headers = new RecordHeaders(record.headers().toArray());
                Span span = propagator.extract(headers, PaymentTracing::text).name(SPAN_NAME)
                        .kind(Span.Kind.CONSUMER).start();
                try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                    propagator.inject(span.context(), headers, PaymentTracing::replace);
                    context.forward(record.withHeaders(headers));
                } catch (RuntimeException e) {
                    span.error(e);
                    throw e;
                } finally {
                    span.end();
                }
            }
        };
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static void replace(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(UTF_8));
    }
}
