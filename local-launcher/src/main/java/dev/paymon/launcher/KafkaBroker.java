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
 * {@code dataDir}. The storage is formatted on first start and kept across restarts.
 */
public final class KafkaBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final BrokerSettings settings;
    private ManagedProcess process;

    public KafkaBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Ports and folders of one broker. */
    public record BrokerSettings(int port, int controllerPort, Path dataDir, Path logDir, String classpath,
                                 List<String> jvmOptions) {

        public String bootstrapServers() {
            return "localhost:" + port;
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public ManagedProcess process() {
        return process;
    }

    public void start() {
        Path config = writeConfig();
        Path logs = settings.logDir();
        if (!Files.exists(settings.dataDir().resolve("kafka-data").resolve("meta.properties"))) {
            format(config, logs.resolve("broker-format.log"));
        }
        process = ManagedProcess.start("kafka-broker", javaCommand(config, "kafka.Kafka", config.toString()),
                settings.dataDir(), logs.resolve("broker.log"));
        Waits.until("Kafka broker on " + bootstrapServers(), READY_TIMEOUT, process, this::answers);
    }

    public int stop(Duration grace) {
        return process == null ? 0 : process.stop(grace);
    }

    private void format(Path config, Path log) {
        String clusterId = Uuid.randomUuid().toString();
        ManagedProcess formatter = ManagedProcess.start("kafka-storage-format",
                javaCommand(config, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                settings.dataDir(), log);
        int exit = formatter.waitFor(Duration.ofSeconds(60));
        if (exit != 0 || !Files.exists(settings.dataDir().resolve("kafka-data").resolve("meta.properties"))) {
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
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@localhost:" + settings.controllerPort());
            p.setProperty("listeners", "PLAINTEXT://localhost:" + settings.port() + ",CONTROLLER://localhost:"
                    + settings.controllerPort());
            p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + settings.port());
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", dir.resolve("kafka-data").toString());
            // Services create their topics with the partitions they need; a typo must not create one.
            p.setProperty("auto.create.topics.enable", "false");
            // One broker: internal topics cannot have more than one replica. Transactions (exactly-once)
            // still work; their durability against losing this broker does not exist by definition.
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
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
}
