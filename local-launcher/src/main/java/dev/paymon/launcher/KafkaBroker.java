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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker ({@code kafka.Kafka} from the {@code kafka_2.13} jar) in KRaft
 * combined mode (broker and controller in one JVM), running as its own process with its data in
 * {@code dataDir}. The storage is formatted on first start and kept across restarts. Alone it is its own
 * quorum (node 1); several of them form a cluster ({@link KafkaCluster}).
 */
public final class KafkaBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final BrokerSettings settings;
    private ManagedProcess process;

    public KafkaBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /**
     * Ports and folders of one broker, and its place in the cluster.
     *
     * @param nodeId        {@code node.id}, 1 to {@code clusterSize}
     * @param quorumVoters  {@code controller.quorum.voters} of the whole cluster, e.g. {@code 1@localhost:9093}
     * @param clusterSize   how many nodes the cluster has; sets the replication of the internal topics
     */
    public record BrokerSettings(int port, int controllerPort, Path dataDir, Path logDir, String classpath,
                                 List<String> jvmOptions, int nodeId, String quorumVoters, int clusterSize) {

        /** A single broker: node 1, its own quorum. */
        public BrokerSettings(int port, int controllerPort, Path dataDir, Path logDir, String classpath,
                              List<String> jvmOptions) {
            this(port, controllerPort, dataDir, logDir, classpath, jvmOptions, 1, "1@localhost:" + controllerPort, 1);
        }

        public String bootstrapServers() {
            return "localhost:" + port;
        }

        /** The process name, and the name of its log file in {@code logDir}. */
        String name() {
            return clusterSize == 1 ? "kafka-broker" : "kafka-" + nodeId;
        }

        private String logName() {
            return clusterSize == 1 ? "broker" : name();
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public int nodeId() {
        return settings.nodeId();
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts the broker (formatting its storage with a new cluster id on the first start) and waits until it answers. */
    public void start() {
        launch(Uuid.randomUuid().toString());
        awaitReady();
    }

    /**
     * Starts the process without waiting: the nodes of a cluster must all be starting before any of them can
     * answer. {@code clusterId} is used only to format empty storage.
     */
    void launch(String clusterId) {
        Path config = writeConfig();
        Path logs = settings.logDir();
        if (!Files.exists(metaProperties())) {
            format(clusterId, config, logs.resolve(settings.logName() + "-format.log"));
        }
        process = ManagedProcess.start(settings.name(), javaCommand(config, "kafka.Kafka", config.toString()),
                settings.dataDir(), logs.resolve(settings.logName() + ".log"));
    }

    /** Waits until the broker answers requests, which a KRaft broker does once it has joined the cluster. */
    void awaitReady() {
        Waits.until("Kafka broker on " + bootstrapServers(), READY_TIMEOUT, process, this::answers);
    }

    /** The file formatting writes; it holds the cluster id. */
    Path metaProperties() {
        return settings.dataDir().resolve("kafka-data").resolve("meta.properties");
    }

    public int stop(Duration grace) {
        return process == null ? 0 : process.stop(grace);
    }

    private void format(String clusterId, Path config, Path log) {
        ManagedProcess formatter = ManagedProcess.start("kafka-storage-format",
                javaCommand(config, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                settings.dataDir(), log);
        int exit = formatter.waitFor(Duration.ofSeconds(60));
        if (exit != 0 || !Files.exists(metaProperties())) {
            throw new LauncherException("formatting Kafka storage failed:\n" + Logs.tail(log, 20));
        }
    }

    private List<String> javaCommand(Path config, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(settings.jvmOptions());
        command.add("-Dlog4j2.configurationFile=" + config.resolveSibling("broker-log4j2.properties"));
        command.add("-cp");
        command.add(settings.classpath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private boolean answers() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the broker");
        }
    }

    private Path writeConfig() {
        try {
            Path dir = settings.dataDir();
            Files.createDirectories(dir);
            Properties p = serverProperties(settings);
            Path config = dir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "Written by the paymon local launcher on every start");
            }
            Files.writeString(dir.resolve("broker-log4j2.properties"), """
                    rootLogger.level = INFO
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    appender.stdout.type = Console
                    appender.stdout.name = STDOUT
                    appender.stdout.layout.type = PatternLayout
                    appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                    logger.kafka.name = kafka
                    logger.kafka.level = WARN
                    logger.apache.name = org.apache.kafka
                    logger.apache.level = WARN
                    logger.server.name = kafka.server.KafkaRaftServer
                    logger.server.level = INFO
                    """);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log cleaner's dedupe buffer ({@code log.cleaner.dedupe.buffer.size}). */
    static final long DEDUPE_BUFFER_BYTES = 32L * 1024 * 1024;

    /**
     * The broker's {@code server.properties}. A single broker keeps one copy of the internal topics; a cluster of
     * three or more keeps three, and a write needs two in sync ({@code min.insync.replicas=2}, also for the
     * transaction log), so nothing acknowledged or committed is lost with one broker.
     */
    static Properties serverProperties(BrokerSettings settings) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(settings.nodeId()));
        p.setProperty("controller.quorum.voters", settings.quorumVoters());
        p.setProperty("listeners", "PLAINTEXT://localhost:" + settings.port() + ",CONTROLLER://localhost:"
                + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + settings.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", settings.dataDir().resolve("kafka-data").toString());
        // Services create their topics with the partitions they need; a typo must not create one.
        p.setProperty("auto.create.topics.enable", "false");
        // One broker: internal topics cannot have more than one replica. Transactions (exactly-once)
        // still work; their durability against losing this broker does not exist by definition.
        // A cluster replicates them (and, by default, every topic) like the compose stack does.
        String replicas = String.valueOf(replicationFactor(settings.clusterSize()));
        String minInSync = String.valueOf(minInSyncReplicas(settings.clusterSize()));
        if (settings.clusterSize() > 1) {
            p.setProperty("default.replication.factor", replicas);
            p.setProperty("min.insync.replicas", minInSync);
        }
        p.setProperty("offsets.topic.replication.factor", replicas);
        p.setProperty("transaction.state.log.replication.factor", replicas);
        p.setProperty("transaction.state.log.min.isr", minInSync);
        p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        p.setProperty("share.coordinator.state.topic.min.isr", minInSync);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates its whole dedupe buffer as one array when the log manager starts (128 MiB by
        // default): in the broker's small heap that allocation failed (OutOfMemoryError, the broker exits) on a
        // restart that had just loaded its logs. 32 MiB holds over a million keys per cleaning pass, far more than
        // the compacted topics of a local stack have.
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));
        return p;
    }

    /** Copies of each partition on a cluster of {@code nodes}: all of them, at most three. */
    static int replicationFactor(int nodes) {
        return Math.min(3, nodes);
    }

    /** In-sync copies a write needs: two once there are three copies, so one broker may be lost. */
    static int minInSyncReplicas(int nodes) {
        return replicationFactor(nodes) >= 3 ? 2 : 1;
    }
}
