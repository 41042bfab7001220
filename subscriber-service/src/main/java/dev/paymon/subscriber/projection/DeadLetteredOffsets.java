package dev.paymon.subscriber.projection;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored offsets of records the error handler dead-lettered: whether a record was handled before a rebuild
 * already, and its partition's offset stored past it once it is dead-lettered, so that a restart does not
 * dead-letter it again. Fenced like a batch ({@link StoredPositions}).
 */
@Component
class DeadLetteredOffsets {

    private final ConsumerOffsetRepository offsets;
    private final ConsumerPositions positions;
    private final ProjectionLock lock;
    private final TransactionTemplate transactions;

    DeadLetteredOffsets(ConsumerOffsetRepository offsets, ConsumerPositions positions, ProjectionLock lock,
                        PlatformTransactionManager transactionManager) {
        this.offsets = offsets;
        this.positions = positions;
        this.lock = lock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Whether {@code record} lies below its partition's {@code stream_from}: handled once already before a rebuild.
     */
    boolean handledBeforeRebuild(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        return record.offset() < offsets.position(consumer.groupMetadata().groupId(), partition)
                .map(ConsumerOffsetRepository.Position::streamFrom).orElse(0L);
    }

    /**
     * After the error handler dead-lettered {@code record}: stores its partition's offset past it, in the same way as
     * a batch (under the lock, only if the stored offset is where this consumer left it). If it is not, nothing is
     * stored and the consumer forgets its position, so that its next batch seeks to the stored one.
     */
    void pass(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        String group = consumer.groupMetadata().groupId();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Boolean passed = lock.batch(() -> transactions.execute(status -> {
            ConsumerOffsetRepository.Position stored = offsets.lockPositions(group, record.topic(),
                    List.of(record.partition())).getOrDefault(record.partition(), ConsumerOffsetRepository.Position.START);
            if (positions.expected(group, partition) != stored.nextOffset() || record.offset() < stored.nextOffset()) {
                return false;
            }
            offsets.save(group, partition, record.offset() + 1);
            return true;
        }));
        if (Boolean.TRUE.equals(passed)) {
            positions.left(group, partition, record.offset() + 1);
        } else {
            positions.forget(group, partition);
        }
    }
}
