package dev.paymon.subscriber.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Where each of this process's consumers left each partition it projects: the stored next offset it sought to on
 * assignment or saved with its last batch. A batch applies only if the stored offset still is that one; otherwise
 * somebody else moved it (a rebuild rewound it, or another instance applied records during a rebalance), and the
 * consumer seeks to the stored offset instead of applying what it fetched from where it was. A consumer that could
 * not read the stored offset knows none ({@link #UNKNOWN}), so its first batch seeks: a consumer never starts from
 * Kafka's committed offsets, which can be ahead of the database after a rewind or a restored backup.
 */
@Component
class ConsumerPositions {

    static final long UNKNOWN = -1;

    private record Key(String group, String topic, int partition) {
    }

    private final Map<Key, Long> known = new ConcurrentHashMap<>();

    void left(String group, TopicPartition partition, long nextOffset) {
        known.put(key(group, partition), nextOffset);
    }

    /** The stored offset the group's consumer left the partition at, or {@link #UNKNOWN}. */
    long expected(String group, TopicPartition partition) {
        return known.getOrDefault(key(group, partition), UNKNOWN);
    }

    void forget(String group, TopicPartition partition) {
        known.remove(key(group, partition));
    }

    private static Key key(String group, TopicPartition partition) {
        return new Key(group, partition.topic(), partition.partition());
    }
}
