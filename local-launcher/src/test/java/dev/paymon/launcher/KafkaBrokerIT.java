package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's broker is a real KRaft broker that supports transactions and keeps its data across restarts. */
class KafkaBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void startsAcceptsTransactionalWritesAndKeepsTopicsAcrossRestarts() throws Exception {
        KafkaBroker.BrokerSettings settings = new KafkaBroker.BrokerSettings(freePort(), freePort(), dataDir,
                dataDir.resolve("logs"), System.getProperty("java.class.path"), List.of("-Xmx256m"));
        KafkaBroker broker = new KafkaBroker(settings);
        broker.start();
        try {
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("launcher.check", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "launcher-check"),
                    new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("launcher.check", "k", "v"));
                producer.commitTransaction();
            }
        } finally {
            // 143 = ended by SIGTERM after its shutdown hook ran; a forced kill would be 137.
            assertThat(broker.stop(Duration.ofSeconds(30))).isIn(0, 143);
        }

        assertThat(broker.process().isAlive()).isFalse();
        assertThat(dataDir.resolve("kafka-data/meta.properties")).exists();
        String clusterId = Files.readString(dataDir.resolve("kafka-data/meta.properties"));

        broker.start();
        try (Admin admin = admin(broker)) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("launcher.check");
        } finally {
            broker.stop(Duration.ofSeconds(30));
        }
        assertThat(Files.readString(dataDir.resolve("kafka-data/meta.properties"))).isEqualTo(clusterId);
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
