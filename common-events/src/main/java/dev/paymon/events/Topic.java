package dev.paymon.events;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A topic of the contract: its name, the event type of its values ({@code null} for raw bytes, as
 * on the dead-letter topic) and whether it is compacted. Keys are always strings.
 */
public record Topic<V>(String name, EventType<? extends Event> eventType, boolean compacted) {

    static <T extends Event> Topic<T> events(String name, EventType<T> type) {
        return new Topic<>(name, type, false);
    }

    static <T extends Event> Topic<T> compacted(String name, EventType<T> type) {
        return new Topic<>(name, type, true);
    }

    static Topic<byte[]> raw(String name) {
        return new Topic<>(name, null, false);
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value serde; {@code source} is the CloudEvents {@code ce_source} of the writing process. */
    @SuppressWarnings("unchecked")
    public Serde<V> valueSerde(String source) {
        if (eventType == null) {
            return (Serde<V>) Serdes.ByteArray();
        }
        return (Serde<V>) new EventSerde<>(eventType, source);
    }

    /** Topic-level configuration to create it with. */
    public Map<String, String> configs() {
        return compacted
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of();
    }

    /**
     * The admin request that creates this topic. With three or more replicas a write needs two
     * in-sync copies ({@code min.insync.replicas=2}), so an acknowledged record survives losing a broker.
     *
     * @param extraConfigs environment-specific settings such as {@code retention.ms}
     */
    public NewTopic toNewTopic(int partitions, short replicationFactor, Map<String, String> extraConfigs) {
        Map<String, String> all = new HashMap<>(configs());
        if (replicationFactor >= 3) {
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        all.putAll(extraConfigs);
        return new NewTopic(name, partitions, replicationFactor).configs(all);
    }

    public NewTopic toNewTopic(int partitions, short replicationFactor) {
        return toNewTopic(partitions, replicationFactor, Map.of());
    }
}
