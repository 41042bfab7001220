package dev.paymon.subscriber.config;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * On partition assignment, moves the consumer to the offsets stored in the database with the
 * projection, not to the ones committed to Kafka: these may lag behind when the process died between
 * its database commit and its Kafka commit.
 */
final class SeekToStoredOffsets implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredOffsets.class);

    private final ConsumerOffsetRepository offsets;

    SeekToStoredOffsets(ConsumerOffsetRepository offsets) {
        this.offsets = offsets;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        String group = consumer.groupMetadata().groupId();
        try {
            for (TopicPartition partition : partitions) {
                offsets.nextOffset(group, partition).ifPresent(next -> consumer.seek(partition, next));
            }
        } catch (DataAccessException e) {
            // Still correct, only slower: projections skip every record below the stored offset.
            log.warn("Cannot read stored offsets of group {}, starting from Kafka's committed offsets: {}",
                    group, Failures.rootCause(e).toString());
        }
    }
}
