package dev.paymon.systemtest.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.load.Payment;
import dev.paymon.systemtest.Http;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** What the broker fault tests share: brokers' JVM options, the payment they send, and looks at the cluster. */
final class BrokerFaults {

    /** Small heaps: three brokers and three services share a 2-core test machine. */
    static final List<String> BROKER_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** The publisher's default {@code paymon.publisher.send-timeout}. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private BrokerFaults() {
    }

    /** A valid EUR payment (no FX rate needed), so that only a fault could keep it from the database. */
    static String payment(String paymentId, String account) {
        int hash = paymentId.hashCode();
        long cents = (10 + Math.floorMod(hash, 90)) * 100L + Math.floorMod(hash, 100);
        return new Payment(paymentId, account, cents, "m-1", "ECOMMERCE", null).json();
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    static List<TopicPartitionInfo> partitions(Admin admin, String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    }

    /** The broker that leads the most partitions of {@code topic} (the lowest id among equals). */
    static int leaderOfMostPartitions(Admin admin, String topic) throws ExecutionException, InterruptedException {
        Map<Integer, Long> led = partitions(admin, topic).stream()
                .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
        return led.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .findFirst().orElseThrow().getKey();
    }

    /** Whether {@code nodeId} is in the in-sync replicas of every partition of every topic named. */
    static boolean inSyncEverywhere(Admin admin, int nodeId, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.isr().stream().anyMatch(node -> node.id() == nodeId));
    }

    /**
     * Every topic of the cluster, the services' and Kafka Streams' internal ones and Kafka's own included, has
     * {@code replicas} copies of each partition and needs {@code minInSync} of them for a write.
     */
    static void assertReplicated(Admin admin, int replicas, int minInSync) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
        assertThat(names).contains("__consumer_offsets", "__transaction_state");
        for (TopicDescription topic : topics.values()) {
            assertThat(topic.partitions()).as(topic.name())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(replicas));
        }
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
        configs.forEach((topic, config) -> assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                .as(topic.name()).isEqualTo(String.valueOf(minInSync)));
    }

    /** A publisher answer that says "not taken, try again later": 503 problem details with {@code Retry-After}. */
    static void assertUnavailable(Http.Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.raw().body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(503);
        assertThat(answer.body().get("type").asString()).isEqualTo("https://paymon.dev/problems/kafka-unavailable");
        assertThat(answer.body().get("title").asString()).isNotBlank();
        assertThat(answer.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }
}
