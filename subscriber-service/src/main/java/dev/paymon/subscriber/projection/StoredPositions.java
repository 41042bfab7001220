package dev.paymon.subscriber.projection;

import dev.paymon.subscriber.projection.ConsumerOffsetRepository.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DuplicateKeyException;

/**
 * The fencing of a batch: the stored positions of its partitions, locked inside the batch's transaction and checked
 * against where this consumer left them ({@link ConsumerPositions}), and saved at the end. A batch whose positions
 * moved meanwhile (a rebuild rewound them, another consumer applied records during a rebalance) applies nothing.
 */
final class StoredPositions {

    /**
     * The stored positions of these partitions are not where this consumer left them (a rebuild rewound them, or
     * another consumer moved them): nothing was applied. The value is the stored next offset to seek to, or
     * {@link ConsumerPositions#UNKNOWN} when it could not be told; the transaction is rolled back.
     */
    static final class Fenced extends RuntimeException {

        private final transient Map<TopicPartition, Long> stored;

        Fenced(Map<TopicPartition, Long> stored) {
            super("stored offsets moved: " + stored);
            this.stored = Map.copyOf(stored);
        }

        Map<TopicPartition, Long> stored() {
            return stored;
        }
    }

    private final String group;
    private final ConsumerOffsetRepository offsets;
    private final ConsumerPositions consumerPositions;

    StoredPositions(String group, ConsumerOffsetRepository offsets, ConsumerPositions consumerPositions) {
        this.group = group;
        this.offsets = offsets;
        this.consumerPositions = consumerPositions;
    }

    /**
     * Locks the stored positions of the partitions of {@code records} (absent ones: {@link Position#START}) and checks that each
     * is where this consumer left it.
     *
     * @throws Fenced when one is not
     */
    Map<TopicPartition, Position> lock(List<? extends ConsumerRecord<?, ?>> records) {
        Map<String, Set<Integer>> partitions = new TreeMap<>();
        records.forEach(record -> partitions.computeIfAbsent(record.topic(), topic -> new TreeSet<>())
                .add(record.partition()));
        Map<TopicPartition, Position> positions = new HashMap<>();
        Map<TopicPartition, Long> fenced = new HashMap<>();
        partitions.forEach((topic, numbers) -> {
            Map<Integer, Position> locked = offsets.lockPositions(group, topic, numbers);
            for (int number : numbers) {
                TopicPartition partition = new TopicPartition(topic, number);
                Position position = locked.getOrDefault(number, Position.START);
                positions.put(partition, position);
                if (consumerPositions.expected(group, partition) != position.nextOffset()) {
                    fenced.put(partition, position.nextOffset());
                }
            }
        });
        if (!fenced.isEmpty()) {
            throw new Fenced(fenced);
        }
        return positions;
    }

    /** Saves the next offsets; a row another consumer inserted meanwhile (during a rebalance) fences this one. */
    void save(Map<TopicPartition, Long> advanced) {
        if (advanced.isEmpty()) {
            return;
        }
        try {
            offsets.saveAll(group, advanced);
        } catch (DuplicateKeyException movedMeanwhile) {
            Map<TopicPartition, Long> unknown = new HashMap<>();
            advanced.keySet().forEach(partition -> unknown.put(partition, ConsumerPositions.UNKNOWN));
            throw new Fenced(unknown);
        }
    }
}
