package dev.paymon.systemtest.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner gives a record key (murmur2 of its UTF-8 bytes), which is how the
 * publisher's producer places each account's records; lets a workload choose account names per partition.
 */
final class KeyPartitions {

    private KeyPartitions() {
    }

    static int of(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % partitions;
    }

    /** The first of {@code prefix + 0, prefix + 1, ...} (after {@code skip} matches) that lands on {@code partition}. */
    static String nameOn(String prefix, int partition, int partitions, int skip) {
        int found = 0;
        for (int i = 0; ; i++) {
            String name = prefix + i;
            if (of(name, partitions) == partition && found++ == skip) {
                return name;
            }
        }
    }
}
