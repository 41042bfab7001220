package dev.paymon.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.testing.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The subscriber jar killed ({@code kill -9}) after its database commits and before Kafka heard of them,
 * for real: the subscriber runs with Kafka offset commits once an hour ({@code ack-mode=time}), so at the
 * kill every projected record is committed to PostgreSQL and none to Kafka. Restarted, it must go on from
 * the offsets in the database: nothing projected, counted or dead-lettered twice, nothing missed, while
 * payments kept flowing through the publisher and processor during the outage.
 */
class SubscriberCrashIT {

    private static final String GROUP = "paymon-subscriber";
    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private static TestPostgres.Database database;
    private static Path dataDir;
    private static LocalStack stack;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> accounts = IntStream.range(0, 4).mapToObj(i -> "crash-" + run + "-" + i).toList();
    private final Map<String, BigDecimal> sentTotals = new ConcurrentHashMap<>();
    private final Map<String, Integer> sentCounts = new ConcurrentHashMap<>();

    @BeforeAll
    static void startStack() {
        database = TestPostgres.newSchema();
        dataDir = SystemStack.newDataDir("subscriber-crash");
        stack = new LocalStack(SystemStack.settings(dataDir, database, List.of(
                "--spring.kafka.listener.ack-mode=time", "--spring.kafka.listener.ack-time=1h"))).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedBetweenItsDatabaseCommitAndKafkasItGoesOnFromTheDatabaseWithNothingTwiceOrMissed() throws Exception {
        String bootstrap = stack.broker().bootstrapServers();
        String poisoned = accounts.get(0);
        send(120);
        for (int i = 0; i < 3; i++) {
            KafkaClients.sendRaw(bootstrap, Topics.PAYMENTS_ENRICHED.name(), poisoned, ("{poison " + i).getBytes(UTF_8));
        }
        await().atMost(PIPELINE).until(() -> storedPayments() == 120 && deadLetters(bootstrap, poisoned) == 3);
        long inDatabase = databaseOffsets();
        long inKafka = kafkaOffsets(bootstrap);
        assertThat(inDatabase).as("projected records in the database").isGreaterThanOrEqualTo(123);
        assertThat(inKafka).as("offsets Kafka has heard of").isLessThan(inDatabase);

        stack.subscriber().process().kill();
        send(80);
        stack.subscriber().start(dataDir, stack.logs().resolve("subscriber-service-restarted.log"));
        stack.subscriber().awaitReady();

        await().atMost(PIPELINE).until(() -> storedPayments() == 200);
        for (String account : accounts) {
            JsonNode summary = Http.get(subscriber("/api/v1/accounts/" + account + "/summary")).body();
            assertThat(summary.get("paymentCount").asInt()).as(account).isEqualTo(sentCounts.get(account));
            assertThat(new BigDecimal(summary.get("totalBase").asString())).as(account)
                    .isEqualByComparingTo(sentTotals.get(account));
            assertThat(Http.get(subscriber("/api/v1/accounts/" + account + "/payments?limit=500")).body().size())
                    .as(account).isEqualTo(sentCounts.get(account));
        }
        // The restarted process applied only what it had not: the 80 new payments, no record again.
        assertThat(metric("paymon.subscriber.payments.stored")).isEqualTo(80);
        assertThat(metric("paymon.subscriber.payments.duplicates")).isZero();
        assertThat(deadLetters(bootstrap, poisoned)).isEqualTo(3);
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(projectedAlertIds()).isEqualTo(raisedAlertIds(bootstrap)));
    }

    /** Posts {@code count} EUR payments spread over the accounts through the publisher. */
    private void send(int count) {
        for (int i = 0; i < count; i++) {
            String account = accounts.get(i % accounts.size());
            BigDecimal amount = BigDecimal.valueOf(i % 50 + 1, 0).add(new BigDecimal("0.25"));
            Http.Answer answer = Http.post(stack.publisher().url() + "/api/v1/payments",
                    PipelineRoundTripIT.payment(null, account, amount.toPlainString(), "EUR"));
            assertThat(answer.status()).isEqualTo(202);
            sentTotals.merge(account, amount, BigDecimal::add);
            sentCounts.merge(account, 1, Integer::sum);
        }
    }

    private String subscriber(String path) {
        return stack.subscriber().url() + path;
    }

    /** A meter's value from the subscriber's management port (actuator endpoints are not on the public one). */
    private double metric(String name) {
        return Http.anonymous().get(stack.subscriber().managementUrl() + "/actuator/metrics/" + name).body().get("measurements").get(0).get("value")
                .asDouble();
    }

    private long deadLetters(String bootstrap, String key) {
        return KafkaClients.readAll(bootstrap, Topics.SUBSCRIBER_DLQ.name()).stream()
                .filter(record -> key.equals(record.key())).count();
    }

    private Set<String> raisedAlertIds(String bootstrap) {
        return KafkaClients.readAll(bootstrap, Topics.FRAUD_ALERTS.name()).stream()
                .filter(record -> accounts.contains(record.key()))
                .map(record -> Http.JSON.readTree(record.value()).get("alertId").asString())
                .collect(Collectors.toSet());
    }

    private Set<String> projectedAlertIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        for (String account : accounts) {
            ids.addAll(query("SELECT alert_id FROM alerts WHERE account_id = ?", account));
        }
        return ids;
    }

    private int storedPayments() throws SQLException {
        return Integer.parseInt(query("SELECT COUNT(*) FROM payments WHERE account_id LIKE ?", "crash-" + run + "-%")
                .get(0));
    }

    /** Sum over the partitions of the offset the payments projection goes on from, per the database. */
    private long databaseOffsets() throws SQLException {
        return Long.parseLong(query("""
                SELECT COALESCE(SUM(next_offset), 0) FROM consumer_offsets WHERE consumer_group = ? AND topic = '%s'"""
                .formatted(Topics.PAYMENTS_ENRICHED.name()), GROUP).get(0));
    }

    /** Sum over the partitions of the offset the payments projection's group has committed to Kafka. */
    private static long kafkaOffsets(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return committed.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(Topics.PAYMENTS_ENRICHED.name()))
                    .filter(entry -> entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }

    private static List<String> query(String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }
}
