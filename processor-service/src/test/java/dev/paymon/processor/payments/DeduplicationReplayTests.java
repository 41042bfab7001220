package dev.paymon.processor.payments;

import static dev.paymon.processor.payments.TopologyFixture.NOW;
import static dev.paymon.processor.payments.TopologyFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentStatus;
import dev.paymon.processor.monitoring.AccountPayment;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.InternalFixedKeyRecordFactory;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;

/**
 * The same input record processed again (at-least-once after a crash, with the id already in the store) is not
 * a duplicate of itself; the same payment at another offset is. Drives the processor directly, as only a crash
 * replays an offset.
 */
class DeduplicationReplayTests {

    private final List<Object[]> stored = new ArrayList<>();
    private final List<FixedKeyRecord<String, Attempt<AccountPayment>>> forwarded = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private long offset;

    @Test
    void emitsAgainTheReplayOfTheSameOffsetButDropsTheSamePaymentAtAnotherOffset() {
        FixedKeyProcessor<String, Attempt<AccountPayment>, Attempt<AccountPayment>> dedupe =
                new Deduplication(Duration.ofHours(24), () -> duplicates.add("duplicate")).get();
        dedupe.init(context());
        FixedKeyRecord<String, Attempt<AccountPayment>> record = record();

        offset = 7;
        dedupe.process(record);
        dedupe.process(record);
        offset = 8;
        dedupe.process(record);

        assertThat(forwarded).hasSize(2).noneMatch(sent -> sent.value().isRejected());
        assertThat(duplicates).containsExactly("duplicate");
    }

    private static FixedKeyRecord<String, Attempt<AccountPayment>> record() {
        PaymentEnriched enriched = new PaymentEnriched(payment("p-1", "acc-1", "1.00", "EUR"), new BigDecimal("1.00"),
                "EUR", null, PaymentStatus.ACCEPTED, List.of(), NOW, false);
        return InternalFixedKeyRecordFactory.create(new Record<>("acc-1",
                Attempt.accepted(new byte[0], new AccountPayment(new byte[0], enriched, null)),
                NOW.toEpochMilli(), new RecordHeaders()));
    }

    @SuppressWarnings("unchecked")
    private FixedKeyProcessorContext<String, Attempt<AccountPayment>> context() {
        WindowStore<String, SeenPayment> store = (WindowStore<String, SeenPayment>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WindowStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "put" -> stored.add(args);
                    case "fetch" -> iterator(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        RecordMetadata metadata = (RecordMetadata) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecordMetadata.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "offset" -> offset;
                    case "partition" -> 0;
                    case "topic" -> "payments.initiated.v1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (FixedKeyProcessorContext<String, Attempt<AccountPayment>>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FixedKeyProcessorContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStateStore" -> store;
                    case "recordMetadata" -> Optional.of(metadata);
                    case "forward" -> forwarded.add((FixedKeyRecord<String, Attempt<AccountPayment>>) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private WindowStoreIterator<SeenPayment> iterator(Object key) {
        Iterator<KeyValue<Long, SeenPayment>> values = stored.stream().filter(put -> put[0].equals(key))
                .map(put -> KeyValue.pair((Long) put[2], (SeenPayment) put[1])).toList().iterator();
        return new WindowStoreIterator<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public KeyValue<Long, SeenPayment> next() {
                return values.next();
            }

            @Override
            public Long peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }
}
