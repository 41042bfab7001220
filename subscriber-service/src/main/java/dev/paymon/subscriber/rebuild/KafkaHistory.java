package dev.paymon.subscriber.rebuild;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the projected topics still hold their whole history: a partition whose first offset is above 0
 * has lost records to retention, and a rebuild from it would lose them from the projections too.
 */
@Component
class KafkaHistory {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaAdmin kafkaAdmin;

    KafkaHistory(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /** The partitions of {@code topics} whose oldest records are gone. */
    List<TruncatedPartition> truncated(Collection<String> topics) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> earliest = admin.describeTopics(topics).topicNameValues().values().stream()
                    .map(KafkaHistory::described)
                    .filter(description -> description != null)
                    .flatMap(description -> description.partitions().stream()
                            .map(info -> new TopicPartition(description.name(), info.partition())))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResultInfo> offsets = get(admin.listOffsets(earliest).all());
            return offsets.entrySet().stream()
                    .filter(entry -> entry.getValue().offset() > 0)
                    .map(entry -> new TruncatedPartition(entry.getKey().topic(), entry.getKey().partition(),
                            entry.getValue().offset()))
                    .sorted(Comparator.comparing(TruncatedPartition::topic)
                            .thenComparingInt(TruncatedPartition::partition))
                    .toList();
        }
    }

    /** The topic's description; {@code null} when it does not exist yet (nothing to lose). */
    private static TopicDescription described(KafkaFuture<TopicDescription> description) {
        try {
            return get(description);
        } catch (KafkaUnavailableException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka could not list the projected topics' offsets", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while asking Kafka", e);
        }
    }

    /** Kafka could not say; the rebuild does not start. */
    static final class KafkaUnavailableException extends RuntimeException {

        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
