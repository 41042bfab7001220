package dev.paymon.subscriber.config;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * On partition assignment, moves the consumer to the offsets stored in the database with the
 * projection, not to the ones committed to Kafka: these may lag behind when the process died between
 * its database commit and its Kafka commit. A partition the database holds nothing of is read from its
 * start, whatever Kafka says (a new or rebuilt database gets the whole history).
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
                offsets.nextOffset(group, partition).ifPresentOrElse(next -> consumer.seek(partition, next),
                        () -> consumer.seekToBeginning(List.of(partition)));
            }
        } catch (DataAccessException e) {
            // Still correct, only slower: projections skip every record below the stored offset.
            log.warn("Cannot read stored offsets of group {}, starting from Kafka's committed offsets: {}",
                    group, Failures.rootCause(e).toString());
        }
    }
}
