package dev.paymon.systemtest;

import static org.awaitility.Awaitility.await;

import dev.paymon.events.access.KafkaAccess;
import dev.paymon.events.access.KafkaUser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * A real Kafka broker ({@code kafka_2.13}, KRaft combined mode, its own JVM) secured like the brokers of
 * {@code docker-compose.yml}: one SASL_PLAINTEXT listener for clients and brokers (SCRAM-SHA-512 for the
 * services, PLAIN for the broker's own {@code admin} identity), a SASL PLAIN controller listener,
 * {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false} and {@code admin} as the only super
 * user. Denied requests are logged (the authorizer log at INFO), so a test can read what was refused.
 */
final class SaslKafkaBroker implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final List<String> JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final Duration READY = Duration.ofSeconds(90);

    private final ChildJvm process;
    private final int port;
    private final String adminPassword;

    private SaslKafkaBroker(ChildJvm process, int port, String adminPassword) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** Formats a fresh storage under {@code dataDir}, starts the broker and waits until it answers its admin. */
    static SaslKafkaBroker start(Path dataDir, String adminPassword) {
        int port = FreePorts.next();
        Path config = writeConfig(dataDir, port, FreePorts.next(), adminPassword);
        ChildJvm format = run("kafka-storage-format", dataDir, config, "kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString());
        if (format.waitFor(60) != 0) {
            throw new IllegalStateException("formatting the broker's storage failed:\n" + format.log());
        }
        SaslKafkaBroker broker = new SaslKafkaBroker(run("kafka-broker", dataDir, config, "kafka.Kafka",
                config.toString()), port, adminPassword);
        try {
            await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(broker::answersAdmin);
            return broker;
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Client settings of the broker's super user (SASL PLAIN, as the compose init step connects). */
    Map<String, Object> adminClient() {
        return Map.of("bootstrap.servers", bootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + ADMIN + "\" password=\"" + adminPassword + "\";",
                "request.timeout.ms", 5000,
                "default.api.timeout.ms", 10000);
    }

    /**
     * Creates the SCRAM users and ACLs of {@code access}, as {@code docker/kafka-init.sh} does in compose, and
     * waits until the broker authenticates each user.
     *
     * @param passwords password of each user, by user name
     */
    void grant(KafkaAccess access, Map<String, String> passwords) {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (KafkaUser user : access.users()) {
            users.add(new UserScramCredentialUpsertion(user.name(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), passwords.get(user.name())));
        }
        try (Admin admin = Admin.create(adminClient())) {
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(access.aclBindings()).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(10, TimeUnit.SECONDS).containsAll(access.aclBindings()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the users and ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (KafkaUser user : access.users()) {
            Map<String, Object> client = SaslClients.scram(bootstrapServers(), user.name(), passwords.get(user.name()));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> SaslClients.authenticates(client));
        }
    }

    /** The broker's log: start-up, and every request the authorizer denied. */
    String log() {
        return process.log();
    }

    private boolean answersAdmin() {
        process.checkAlive();
        try {
            return SaslClients.authenticates(adminClient());
        } catch (ExecutionException | TimeoutException | KafkaException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ChildJvm run(String name, Path dataDir, Path config, String mainClass, String... arguments) {
        Path launcher = SystemStack.root().resolve("local-launcher").resolve("target");
        List<String> command = new ArrayList<>(List.of(
                "-Dlog4j2.configurationFile=" + config.resolveSibling("broker-log4j2.properties"),
                "-cp", launcher.resolve("local-launcher.jar") + File.pathSeparator + launcher.resolve("lib") + "/*",
                mainClass));
        command.addAll(List.of(arguments));
        return ChildJvm.start(name, dataDir, dataDir.resolve(name + ".log"), JVM, command);
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort, String adminPassword) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "INTERNAL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "INTERNAL://localhost:" + port);
        p.setProperty("inter.broker.listener.name", "INTERNAL");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        // As in docker-compose.yml: the broker's identity authenticates with PLAIN (no SCRAM credential has to
        // exist before the cluster runs), the services with SCRAM-SHA-512 users created afterwards.
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("listener.name.internal.sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        p.setProperty("listener.name.internal.plain.sasl.jaas.config", plain);
        p.setProperty("listener.name.internal.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config", plain);
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        p.setProperty("super.users", "User:" + ADMIN);
        p.setProperty("log.dirs", dataDir.resolve("kafka-data").toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                p.store(out, "SASL/SCRAM broker of KafkaAclIT");
            }
            Files.writeString(dataDir.resolve("broker-log4j2.properties"), """
                    rootLogger.level = WARN
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    appender.stdout.type = Console
                    appender.stdout.name = STDOUT
                    appender.stdout.layout.type = PatternLayout
                    appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                    logger.server.name = kafka.server.KafkaRaftServer
                    logger.server.level = INFO
                    logger.authorizer.name = kafka.authorizer.logger
                    logger.authorizer.level = INFO
                    """);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
