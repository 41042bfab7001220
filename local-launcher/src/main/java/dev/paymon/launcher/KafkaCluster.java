package dev.paymon.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

/**
 * The stack's Kafka: the nodes of {@link KafkaNodes}, each its own process ({@link KafkaBroker}). One node is the
 * single broker of the local default (data in {@code dataDir/kafka}); several are combined broker and controller
 * nodes of one KRaft cluster (data in {@code dataDir/kafka-<id>}) formatted with one cluster id, replicating
 * every topic three times with {@code min.insync.replicas=2} from three nodes on. One node at a time can be
 * killed, stopped and restarted by its id, as a broker loss would happen.
 */
public final class KafkaCluster {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final List<KafkaBroker> brokers;
    /** Formats empty storage when no node has a cluster id yet. */
    private final String newClusterId = Uuid.randomUuid().toString();

    KafkaCluster(KafkaNodes nodes, Path dataDir, Path logDir, String classpath, List<String> jvmOptions) {
        List<KafkaBroker> all = new ArrayList<>();
        for (int i = 0; i < nodes.count(); i++) {
            int nodeId = i + 1;
            Path nodeDir = nodes.count() == 1 ? dataDir.resolve("kafka") : dataDir.resolve("kafka-" + nodeId);
            all.add(new KafkaBroker(new KafkaBroker.BrokerSettings(nodes.brokerPorts().get(i),
                    nodes.controllerPorts().get(i), nodeDir, logDir, classpath, jvmOptions, nodeId,
                    nodes.quorumVoters(), nodes.count())));
        }
        this.brokers = List.copyOf(all);
    }

    /** Every node's address, so that clients find the cluster while any one node is down. */
    public String bootstrapServers() {
        return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public int size() {
        return brokers.size();
    }

    public List<KafkaBroker> brokers() {
        return brokers;
    }

    public KafkaBroker broker(int nodeId) {
        if (nodeId < 1 || nodeId > brokers.size()) {
            throw new IllegalArgumentException("no Kafka node " + nodeId + "; node ids are 1 to " + brokers.size());
        }
        return brokers.get(nodeId - 1);
    }

    /** Copies the services give each of their topics (and Kafka Streams its internal topics). */
    public int replicationFactor() {
        return KafkaBroker.replicationFactor(size());
    }

    /**
     * Starts every node (side by side: formatting empty storage runs a JVM per node), then waits until each answers
     * and, for a cluster, all are registered.
     */
    public void start() {
        String clusterId = clusterId();
        launchSideBySide(clusterId);
        brokers.forEach(KafkaBroker::awaitReady);
        if (size() > 1) {
            awaitBrokers(size());
        }
    }

    private void launchSideBySide(String clusterId) {
        ExecutorService launchers = Executors.newFixedThreadPool(size());
        try {
            List<CompletableFuture<Void>> launches = brokers.stream()
                    .map(broker -> CompletableFuture.runAsync(() -> broker.launch(clusterId), launchers)).toList();
            CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            launchers.shutdown();
        }
    }

    /** {@code kill -9} of one node, as a crash. Returns its exit code. */
    public int kill(int nodeId) {
        return broker(nodeId).process().kill();
    }

    /** SIGTERM to one node, a forced kill after {@code grace}. Returns its exit code. */
    public int stop(int nodeId, Duration grace) {
        return broker(nodeId).stop(grace);
    }

    /** Starts a stopped or killed node again on its data and ports, and waits until it has rejoined the cluster. */
    public void restart(int nodeId) {
        KafkaBroker broker = broker(nodeId);
        if (broker.process() != null && broker.process().isAlive()) {
            throw new IllegalStateException("Kafka node " + nodeId + " is still running");
        }
        broker.launch(clusterId());
        broker.awaitReady();
        awaitBrokers(size());
    }

    /**
     * Stops every node. All get SIGTERM at once: a node shutting down cleanly needs the controller quorum, which
     * nodes stopped one after the other would take away from the last ones.
     */
    public void stop(Duration grace) {
        brokers.stream().map(KafkaBroker::process).filter(process -> process != null).forEach(ManagedProcess::terminate);
        brokers.forEach(broker -> broker.stop(grace));
    }

    /** The id of the existing storage of any node, so that a node formatted again joins the same cluster. */
    private String clusterId() {
        for (KafkaBroker broker : brokers) {
            Path meta = broker.metaProperties();
            if (Files.exists(meta)) {
                Properties properties = new Properties();
                try (var in = Files.newBufferedReader(meta)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return properties.getProperty("cluster.id");
            }
        }
        return newClusterId;
    }

    private void awaitBrokers(int count) {
        ManagedProcess first = brokers.stream().map(KafkaBroker::process).filter(ManagedProcess::isAlive).findFirst()
                .orElseThrow(() -> new LauncherException("no Kafka node is running"));
        Waits.until(count + " Kafka brokers registered at " + bootstrapServers(), READY_TIMEOUT, first,
                () -> registeredBrokers() >= count);
    }

    private int registeredBrokers() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException | KafkaException notYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the Kafka cluster");
        }
    }
}
