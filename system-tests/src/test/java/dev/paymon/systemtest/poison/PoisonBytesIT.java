package dev.paymon.systemtest.poison;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.systemtest.ConsumerLag;
import dev.paymon.systemtest.Http;
import dev.paymon.systemtest.KafkaClients;
import dev.paymon.systemtest.SystemStack;
import dev.paymon.systemtest.reliability.ReliabilityRow;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Poison bytes on every input topic of the real jars, written with a plain producer between rounds of valid payments
 * sent through the publisher's API: every poison record is dead-lettered once with its reason and its original bytes
 * ({@code payments.dlq.v1} for the processor's inputs, {@code subscriber.dlq.v1} for the subscriber's), every
 * acknowledged payment reaches the database once, newer reference data sent after the poison still takes effect, and
 * the lag of every consumer group returns to zero. Writes its row of the reliability table to
 * {@code target/reliability/poison.md}.
 */
class PoisonBytesIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    /** Every consumer group of the stack and the input topic it reads (the reference topics have no group). */
    private static final Map<String, Topic<?>> GROUPS = Map.of(
            "paymon-processor", Topics.PAYMENTS_INITIATED,
            "paymon-subscriber", Topics.PAYMENTS_ENRICHED,
            "paymon-subscriber.alerts", Topics.FRAUD_ALERTS,
            "paymon-subscriber.activity", Topics.ACCOUNTS_ACTIVITY,
            "paymon-subscriber.dead-letters", Topics.PAYMENTS_DLQ);
    private static final int PAYMENTS_PER_ROUND = 8;

    private static TestPostgres.Database database;
    private static LocalStack stack;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> accounts = IntStream.range(0, 4).mapToObj(i -> "poison-" + run + "-" + i).toList();
    private final List<String> acknowledged = new ArrayList<>();
    private int sent;

    @BeforeAll
    static void startStack() {
        database = TestPostgres.newSchema();
        stack = SystemStack.start("poison", database);
        assertThat(Http.put(publisher("/api/v1/fx-rates/USD"), "{\"rateToBase\":\"0.90\"}").status()).isEqualTo(202);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void deadLettersPoisonOnEveryInputTopicWhileValidTrafficFlowsAndTheLagReturnsToZero() throws Exception {
        long started = System.nanoTime();
        String bootstrap = stack.broker().bootstrapServers();
        // The USD rate is known before the run, so that no valid payment of the run waits for it.
        awaitUsdRate("0.90", "poison-setup-" + run, false);
        Map<String, List<PoisonRecord>> poisonByTopic = PoisonRecords.all(run, accounts.get(0)).stream()
                .collect(Collectors.groupingBy(PoisonRecord::topic, LinkedHashMap::new, Collectors.toList()));
        assertThat(poisonByTopic.keySet()).containsExactlyInAnyOrder(Topics.PAYMENTS_INITIATED.name(),
                Topics.ACCOUNTS_REFERENCE.name(), Topics.FX_RATES_REFERENCE.name(), Topics.PAYMENTS_ENRICHED.name(),
                Topics.FRAUD_ALERTS.name(), Topics.ACCOUNTS_ACTIVITY.name(), Topics.PAYMENTS_DLQ.name());

        List<PoisonRecord.Placed> placed = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = rawProducer(bootstrap)) {
            for (List<PoisonRecord> poison : poisonByTopic.values()) {
                sendPayments(PAYMENTS_PER_ROUND);
                for (PoisonRecord record : poison) {
                    placed.add(write(producer, record));
                }
            }
        }
        // Reference data sent after the poison on the reference topics must still take effect.
        assertThat(Http.put(publisher("/api/v1/fx-rates/USD"), "{\"rateToBase\":\"0.80\"}").status()).isEqualTo(202);
        assertThat(Http.put(publisher("/api/v1/accounts/" + accounts.get(1)),
                "{\"homeCountry\":\"DE\",\"riskTier\":\"LOW\",\"dailyLimit\":\"50.00\",\"currency\":\"EUR\"}").status())
                .isEqualTo(202);
        sendPayments(PAYMENTS_PER_ROUND);
        awaitUsdRate("0.80", accounts.get(2), true);
        awaitLargeAmountFlagged(accounts.get(1));

        await().atMost(PIPELINE).untilAsserted(() -> assertThat(storedPaymentIds()).containsAll(acknowledged));
        Map<PoisonRecord.Placed, List<ConsumerRecord<String, byte[]>>> deadLetters = await().atMost(PIPELINE).until(
                () -> PoisonDeadLetters.find(bootstrap, placed), found -> found.values().stream().noneMatch(List::isEmpty));
        assertThat(placed.stream().map(poison -> PoisonDeadLetters.wrong(poison, deadLetters.get(poison))).filter(
                Objects::nonNull)).as("poison records not dead-lettered once as expected").isEmpty();
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(lags(bootstrap)).allSatisfy((group, lag) ->
                assertThat(lag).as("lag of " + group).isZero()));

        assertThat(storedPaymentIds()).as("payments of the run in the database").hasSameElementsAs(acknowledged)
                .doesNotContain("poison-" + run);
        assertThat(storedRows()).as("rows, one per payment").isEqualTo(acknowledged.size());
        assertThat(enrichedCopies(bootstrap, placed)).as("copies on payments.enriched.v1 per payment")
                .hasSize(acknowledged.size()).allSatisfy((paymentId, copies) -> assertThat(copies).isOne());
        assertThat(validPaymentsDeadLettered(bootstrap)).as("valid payments in payments.dlq.v1").isEmpty();
        writeReport(placed.size(), deadLetters.values().stream().filter(letters -> letters.size() == 1).count(), started);
    }

    /** Posts payments of the run's accounts through the publisher, in EUR and USD; remembers the acknowledged ones. */
    private void sendPayments(int count) {
        for (int i = 0; i < count; i++) {
            String amount = (sent % 20 + 1) + ".25";
            post(accounts.get(sent % accounts.size()), amount, sent % 2 == 0 ? "EUR" : "USD");
        }
    }

    private String post(String account, String amount, String currency) {
        sent++;
        Http.Answer answer = Http.post(publisher("/api/v1/payments"), """
                {"accountId":"%s","amount":"%s","currency":"%s","merchantId":"m-1","merchantCategory":"5411",\
                "country":"DE","channel":"ECOMMERCE"}""".formatted(account, amount, currency));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        String paymentId = answer.body().get("paymentId").asString();
        acknowledged.add(paymentId);
        return paymentId;
    }

    /**
     * Probes with USD payments until one is enriched at the rate (reference data reaches the processor on its own
     * thread). Probes of the run are valid traffic and counted; those of the set-up, which may be dead-lettered while
     * no USD rate is known yet, are not.
     */
    private void awaitUsdRate(String rate, String account, boolean counted) {
        BigDecimal expected = new BigDecimal("10.00").multiply(new BigDecimal(rate));
        await().atMost(PIPELINE).ignoreExceptions().until(() -> {
            String probe = counted ? post(account, "10.00", "USD") : postUncounted(account);
            return new BigDecimal(awaitStored(probe).get("amountBase").asString()).compareTo(expected) == 0;
        });
    }

    private static String postUncounted(String account) {
        return Http.post(publisher("/api/v1/payments"), """
                {"accountId":"%s","amount":"10.00","currency":"USD","merchantId":"m-1","merchantCategory":"5411",\
                "country":"DE","channel":"ECOMMERCE"}""".formatted(account)).body().get("paymentId").asString();
    }

    /** Probes with payments over the account's new daily limit until one is flagged by it. */
    private void awaitLargeAmountFlagged(String account) {
        await().atMost(PIPELINE).until(() -> awaitStored(post(account, "60.00", "EUR")).get("status").asString()
                .equals("FLAGGED"));
    }

    /** The payment as the subscriber answers it once stored. */
    private static JsonNode awaitStored(String paymentId) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> Http.get(stack.subscriber().url() + "/api/v1/payments/" + paymentId),
                answer -> answer.status() == 200).body();
    }

    private static PoisonRecord.Placed write(KafkaProducer<String, byte[]> producer, PoisonRecord poison)
            throws ExecutionException, InterruptedException {
        RecordMetadata written = producer.send(new ProducerRecord<>(poison.topic(), null, poison.key(), poison.value(),
                poison.recordHeaders())).get();
        return new PoisonRecord.Placed(poison, written.partition(), written.offset());
    }

    private static Map<String, Long> lags(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return GROUPS.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    group -> ConsumerLag.of(admin, group.getKey(), group.getValue().name())));
        }
    }

    /** How often each payment of the run is on payments.enriched.v1 (read_committed), the poison left out. */
    private Map<String, Long> enrichedCopies(String bootstrap, List<PoisonRecord.Placed> placed) {
        return KafkaClients.readAll(bootstrap, Topics.PAYMENTS_ENRICHED.name()).stream()
                .filter(record -> accounts.contains(record.key()))
                .filter(record -> placed.stream().noneMatch(poison -> poison.poison().topic().equals(record.topic())
                        && poison.partition() == record.partition() && poison.offset() == record.offset()))
                .map(record -> Http.JSON.readTree(record.value()).at("/payment/paymentId").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<String> validPaymentsDeadLettered(String bootstrap) {
        Set<String> ids = new HashSet<>(acknowledged);
        return KafkaClients.readAll(bootstrap, Topics.PAYMENTS_DLQ.name()).stream()
                .filter(record -> accounts.contains(record.key()) && record.value() != null)
                .map(record -> new String(record.value(), UTF_8))
                .filter(value -> ids.stream().anyMatch(value::contains))
                .toList();
    }

    private Set<String> storedPaymentIds() throws SQLException {
        return new HashSet<>(query("SELECT payment_id FROM payments WHERE account_id LIKE ?"));
    }

    private long storedRows() throws SQLException {
        return Long.parseLong(query("SELECT COUNT(*) FROM payments WHERE account_id LIKE ?").get(0));
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "poison-" + run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    /**
     * The row of the reliability table: every valid payment and poison record sent, acknowledged (202, or by the
     * broker for poison), delivered (payments in the database), in the DLQ (poison dead-lettered), duplicates and lost.
     * Poison is never late and nobody retries; the services' counters are not compared here.
     */
    private void writeReport(int poison, long poisonDeadLettered, long started) throws SQLException {
        int delivered = storedPaymentIds().size();
        int acked = acknowledged.size() + poison;
        int duplicates = (int) (storedRows() - delivered);
        ReliabilityRow row = new ReliabilityRow(
                "poison bytes on all 7 input topics (%d valid payments, %d poison records)".formatted(sent, poison), "PoisonBytesIT", sent + poison, acked, delivered, null,
                (int) poisonDeadLettered, duplicates, (int) (acked - delivered - poisonDeadLettered), null,
                "not compared", Duration.ofNanos(System.nanoTime() - started));
        Path file = row.write("30-poison-bytes", List.of());
        System.out.println("Reliability row written to " + file.toAbsolutePath() + ":\n" + row.markdown());
    }

    private static KafkaProducer<String, byte[]> rawProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static String publisher(String path) {
        return stack.publisher().url() + path;
    }
}
