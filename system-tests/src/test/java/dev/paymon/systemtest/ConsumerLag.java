package dev.paymon.systemtest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of a consumer group on one topic as an operator's tools see it: per partition, the end a
 * {@code read_committed} reader can reach (the last stable offset) less the offset the group committed (0 when it
 * committed none). A group that has handled every record, poison included, has lag 0.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** The group's lag on {@code topic}, with an admin client of its own. */
    public static long of(String bootstrap, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return of(admin, group, topic);
        }
    }

    public static long of(Admin admin, String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames().get().get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            return ends.entrySet().stream().mapToLong(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return end.getValue() - (offset == null ? 0 : offset.offset());
            }).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group + " on " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
