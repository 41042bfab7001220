package dev.paymon.subscriber.payments;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.subscriber.config.ConsumerOffsetRepository;
import dev.paymon.subscriber.config.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects {@code payments.enriched.v1} into the {@code payments} table with an exactly-once effect.
 *
 * <p>Each polled batch is applied in one database transaction that also saves, per partition, the
 * offset of the next record to apply ({@link ConsumerOffsetRepository}). The database is therefore the
 * source of truth for progress: on assignment the consumer seeks to the stored offsets, and records
 * below them are skipped, so a crash between the database commit and Kafka's offset commit neither
 * stores nor counts anything twice. Kafka's committed offsets are still written, for lag monitoring only.
 * A payment delivered again under another offset (a replay by the producer) is still skipped by its id.
 *
 * <p>Records that did not decode are dead-lettered inside the batch and their offsets saved with it,
 * so they do not block the partition and are not dead-lettered again after a restart. When a record
 * fails otherwise, the records before it are committed and a {@link BatchListenerFailedException}
 * with its index hands it to the error handler, which retries it or dead-letters it.
 */
@Component
class PaymentProjection {

    private final PaymentRepository payments;
    private final ConsumerOffsetRepository offsets;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transactions;
    private final Counter stored;
    private final Counter duplicates;

    PaymentProjection(PaymentRepository payments, ConsumerOffsetRepository offsets, DeadLetters deadLetters,
                      PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.payments = payments;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.transactions = new TransactionTemplate(transactionManager);
        this.stored = Counter.builder("paymon.subscriber.payments.stored")
                .description("Payments stored by the subscriber")
                .register(meters);
        this.duplicates = Counter.builder("paymon.subscriber.payments.duplicates")
                .description("Payments delivered again and skipped because they were stored already")
                .register(meters);
    }

    @KafkaListener(id = "payments", idIsGroup = false,
            topics = "#{T(dev.paymon.events.Topics).PAYMENTS_ENRICHED.name()}",
            containerFactory = PaymentsKafkaConfig.LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, PaymentEnriched>> records, Consumer<?, ?> consumer) {
        PaymentBatch batch = new PaymentBatch(consumer.groupMetadata().groupId(), records, payments, offsets,
                deadLetters);
        int end = records.size();
        RuntimeException failure = null;
        while (end > 0) {
            int upTo = end;
            try {
                PaymentBatch.Applied applied = transactions.execute(status -> batch.apply(upTo));
                stored.increment(applied.stored());
                duplicates.increment(applied.duplicates());
                break;
            } catch (PaymentBatch.RecordFailed e) {
                // Commit the records before the failed one, then report it by its index.
                failure = e.failure();
                end = e.index();
            } catch (RuntimeException e) {
                // The transaction failed as a whole (e.g. at commit): the batch is delivered again.
                failure = e;
                end = 0;
            }
        }
        if (failure != null) {
            throw new BatchListenerFailedException("Failed to project " + records.get(end), failure, end);
        }
    }
}
