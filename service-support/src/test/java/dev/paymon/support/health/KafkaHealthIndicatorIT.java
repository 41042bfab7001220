package dev.paymon.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.testing.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** The readiness check against the real test broker, and against a port where no broker listens. */
class KafkaHealthIndicatorIT {

    private static final KafkaHealthProperties PROPERTIES =
            new KafkaHealthProperties(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void isUpWithTheClusterAndThePartitionsOfTheNamedTopics() throws Exception {
        String topic = "health-" + UUID.randomUUID();
        createTopic(topic, 2);
        KafkaHealthIndicator kafka = indicator(TestKafka.bootstrapServers(), List.of(topic));
        try {
            Health health = kafka.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1)
                    .containsEntry("clusterId", kafka.lastClusterId())
                    .containsEntry("partitions", Map.of(topic, 2));
            assertThat(kafka.lastClusterId()).isNotBlank();
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void isDownWhileANamedTopicIsMissingAndReusesTheAnswerForTheCachePeriod() throws Exception {
        String topic = "health-" + UUID.randomUUID();
        KafkaHealthIndicator kafka = indicator(TestKafka.bootstrapServers(), List.of(topic));
        try {
            assertThat(kafka.health().getStatus()).isEqualTo(Status.DOWN);
            createTopic(topic, 1);

            now.set(now.get().plusSeconds(4));
            assertThat(kafka.health().getStatus()).as("cached for 5s").isEqualTo(Status.DOWN);

            now.set(now.get().plusSeconds(1));
            assertThat(kafka.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void isDownWithinTheTimeoutWhenNoBrokerAnswers() throws Exception {
        KafkaHealthIndicator kafka = indicator("127.0.0.1:" + closedPort(), List.of());
        try {
            long start = System.nanoTime();
            Health health = kafka.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            kafka.destroy();
        }
    }

    private KafkaHealthIndicator indicator(String bootstrapServers, List<String> topics) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        return new KafkaHealthIndicator(admin, "health-test", topics, PROPERTIES, clock);
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
