package dev.paymon.systemtest.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Transactions left open on the broker: partitions whose last stable offset (the end a {@code read_committed} reader
 * sees) is behind the log end offset. Every topic is looked at, the processor's changelogs included.
 */
final class OpenTransactions {

    private OpenTransactions() {
    }

    /** Each partition with an open transaction, as {@code topic-partition: LSO < LEO}; empty when there is none. */
    static List<String> find(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(OpenTransactions::partitions)
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            var committed = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            var written = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
            List<String> open = new ArrayList<>();
            written.forEach((partition, end) -> {
                long stable = committed.get(partition).offset();
                if (stable != end.offset()) {
                    open.add(partition + ": " + stable + " < " + end.offset());
                }
            });
            return open.stream().sorted().toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Stream<TopicPartition> partitions(TopicDescription topic) {
        return topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition()));
    }
}
