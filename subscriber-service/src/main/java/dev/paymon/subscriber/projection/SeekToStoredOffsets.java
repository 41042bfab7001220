package dev.paymon.subscriber.projection;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * On partition assignment, moves the consumer to the offsets stored in the database with the projection, never to
 * the ones committed to Kafka: these may lag behind (the process died between its database commit and its Kafka
 * commit) or be ahead (after a rebuild rewound the stored offsets, or a backup of the database was restored). A
 * partition the database holds nothing of is read from its start, whatever Kafka says (a new or rebuilt database
 * gets the whole history). Where it seeks is what {@link ConsumerPositions} remembers; when the stored offsets cannot
 * be read, it remembers none, and the first batch of the partition, finding the stored offset (once the database
 * answers) not where the consumer is, seeks there before applying anything.
 */
final class SeekToStoredOffsets implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredOffsets.class);

    private final ConsumerOffsetRepository offsets;
    private final ConsumerPositions positions;

    SeekToStoredOffsets(ConsumerOffsetRepository offsets, ConsumerPositions positions) {
        this.offsets = offsets;
        this.positions = positions;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        String group = consumer.groupMetadata().groupId();
        for (TopicPartition partition : partitions) {
            try {
                offsets.position(group, partition).ifPresentOrElse(stored -> {
                    consumer.seek(partition, stored.nextOffset());
                    positions.left(group, partition, stored.nextOffset());
                }, () -> {
                    consumer.seekToBeginning(List.of(partition));
                    positions.left(group, partition, ConsumerOffsetRepository.Position.START.nextOffset());
                });
            } catch (DataAccessException e) {
                positions.forget(group, partition);
                log.warn("Cannot read the stored offset of group {} in {}; its first batch seeks to it once the "
                        + "database answers, and applies nothing before: {}", group, partition,
                        FailureTriage.rootCause(e).toString());
            }
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        String group = consumer.groupMetadata().groupId();
        partitions.forEach(partition -> positions.forget(group, partition));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        String group = consumer.groupMetadata().groupId();
        partitions.forEach(partition -> positions.forget(group, partition));
    }
}
