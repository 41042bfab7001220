package dev.paymon.benchmark.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the pipeline's consumer groups are behind: for each group, the sum over the partitions it has committed
 * of (end offset read_committed - committed offset). The groups are the processor's ({@code paymon-processor}, on
 * payments.initiated.v1 and its own repartition topics) and the subscriber's ({@code paymon-subscriber} and its
 * {@code .alerts}, {@code .activity}, {@code .dead-letters} projections), which commit to Kafka after their
 * database commit.
 */
public final class ConsumerLag implements AutoCloseable {

    public static final String PROCESSOR_GROUP = "paymon-processor";
    public static final String SUBSCRIBER_GROUP = "paymon-subscriber";
    static final List<String> GROUPS = List.of(PROCESSOR_GROUP, SUBSCRIBER_GROUP, SUBSCRIBER_GROUP + ".alerts",
            SUBSCRIBER_GROUP + ".activity", SUBSCRIBER_GROUP + ".dead-letters");

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** The committed offsets of every pipeline group. */
    public Map<String, Map<TopicPartition, Long>> committed() {
        return committed(GROUPS);
    }

    private Map<String, Map<TopicPartition, Long>> committed(List<String> groups) {
        Map<String, Map<TopicPartition, Long>> byGroup = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            byGroup.put(group, committed);
        }
        return byGroup;
    }

    /** The groups a payment passes through: the processor's and the subscriber's payments projection. */
    static final List<String> PAYMENT_PATH = List.of(PROCESSOR_GROUP, SUBSCRIBER_GROUP);

    /** Total lag of the pipeline groups, in records. */
    public long total() {
        return lagOf(GROUPS);
    }

    /**
     * Lag along the payments' path only: the processor's group and the subscriber's payments projection. The
     * other projections are left out because their input comes in bursts by design: every minute the processor
     * emits the closed windows of all active accounts to accounts.activity.v1 at once, which reads as lag that
     * grows and shrinks with no bearing on whether payments keep up.
     */
    public long paymentPath() {
        return lagOf(PAYMENT_PATH);
    }

    private long lagOf(List<String> groups) {
        Map<String, Map<TopicPartition, Long>> committed = committed(groups);
        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        long lag = 0;
        for (Map<TopicPartition, Long> offsets : committed.values()) {
            for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
                lag += Math.max(0, ends.getOrDefault(e.getKey(), e.getValue()) - e.getValue());
            }
        }
        return lag;
    }

    /** The read_committed end offsets (the last stable offsets) of {@code partitions}. */
    public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = get(admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        infos.forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    /** Sets {@code group}'s committed offsets of {@code topic} to its end, so it starts after what is there now. */
    public void skipToEnd(String group, String topic, int partitions) {
        Set<TopicPartition> all = new HashSet<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        endOffsets(all).forEach((p, end) -> offsets.put(p, new OffsetAndMetadata(end)));
        get(admin.alterConsumerGroupOffsets(group, offsets).all());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
