package dev.paymon.systemtest.brokers;

import static org.awaitility.Awaitility.await;

import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.systemtest.Http;
import dev.paymon.systemtest.KafkaClients;
import dev.paymon.systemtest.reliability.ReliabilityRow;
import dev.paymon.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The payments of one run (accounts starting with {@code accountPrefix}) as the clients saw them, sent and
 * acknowledged, and a minimal check of what became of them: {@code payments.enriched.v1} and {@code payments.dlq.v1}
 * read {@code read_committed}, and the subscriber's {@code payments} table. A stand-in, kept to this package, for
 * the shared checker of {@code dev.paymon.systemtest.reliability} (which also checks order, windows and alerts).
 */
final class AcknowledgedPayments {

    private static final Duration POLL = Duration.ofSeconds(2);

    private final String accountPrefix;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger retries = new AtomicInteger();

    AcknowledgedPayments(String accountPrefix) {
        this.accountPrefix = accountPrefix;
    }

    String accountPrefix() {
        return accountPrefix;
    }

    /** Called for every request: a payment id sent before counts as a retry. */
    void sent(String paymentId) {
        if (!sent.add(paymentId)) {
            retries.incrementAndGet();
        }
    }

    void acknowledged(String paymentId) {
        acknowledged.add(paymentId);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** What became of the acknowledged payments, once every one is accounted for or {@code timeout} has passed. */
    Outcome awaitSettled(String bootstrap, TestPostgres.Database database, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(POLL).ignoreExceptions()
                    .until(() -> check(bootstrap, database), outcome -> outcome.missing().isEmpty());
        } catch (ConditionTimeoutException e) {
            // Still an outcome: its row is written and the test's assertions name what is missing.
            return check(bootstrap, database);
        }
    }

    /** One look at the topics and the database. */
    Outcome check(String bootstrap, TestPostgres.Database database) {
        List<ConsumerRecord<String, byte[]>> enrichedRecords = KafkaClients.readAll(bootstrap,
                Topics.PAYMENTS_ENRICHED.name());
        Map<String, Integer> enriched = count(enrichedRecords,
                bytes -> EventJson.read(EventTypes.PAYMENT_ENRICHED, bytes).payment().paymentId());
        Set<String> late = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : enrichedRecords) {
            if (record.key() != null && record.key().startsWith(accountPrefix)) {
                PaymentEnriched payment = EventJson.read(EventTypes.PAYMENT_ENRICHED, record.value());
                if (payment.late()) {
                    late.add(payment.payment().paymentId());
                }
            }
        }
        Map<String, Integer> deadLettered = count(KafkaClients.readAll(bootstrap, Topics.PAYMENTS_DLQ.name()),
                AcknowledgedPayments::paymentIdOfRawJson);
        Map<String, Integer> stored = storedPayments(database);
        return new Outcome(Set.copyOf(sent), Set.copyOf(acknowledged), retries.get(), enriched, Set.copyOf(late),
                deadLettered, stored);
    }

    /**
     * The acknowledged payments and where they were found.
     *
     * @param retries      requests that sent a payment id again
     * @param enriched     copies per payment id in {@code payments.enriched.v1} (this run's accounts)
     * @param late         the payment ids there marked late (processed after their window had closed)
     * @param deadLettered copies per payment id in {@code payments.dlq.v1}
     * @param stored       rows per payment id in the subscriber's database
     */
    record Outcome(Set<String> sent, Set<String> acknowledged, int retries, Map<String, Integer> enriched,
                   Set<String> late, Map<String, Integer> deadLettered, Map<String, Integer> stored) {

        Set<String> delivered() {
            return acknowledged.stream().filter(id -> enriched.containsKey(id) && stored.containsKey(id))
                    .collect(Collectors.toSet());
        }

        Set<String> inDeadLetters() {
            return acknowledged.stream().filter(deadLettered::containsKey).collect(Collectors.toSet());
        }

        /** Acknowledged, but neither delivered nor dead-lettered. */
        Set<String> missing() {
            Set<String> missing = new TreeSet<>(acknowledged);
            missing.removeAll(delivered());
            missing.removeAll(inDeadLetters());
            return missing;
        }

        /** Copies beyond the first in the enriched topic and in the database, and payments both enriched and dead-lettered. */
        int duplicates() {
            int extra = 0;
            for (Map<String, Integer> copies : List.of(enriched, stored, deadLettered)) {
                extra += copies.values().stream().mapToInt(count -> count - 1).sum();
            }
            Set<String> both = new HashSet<>(enriched.keySet());
            both.retainAll(deadLettered.keySet());
            return extra + both.size();
        }

        /** The row of the reliability table; these tests do not compare the services' counters. */
        ReliabilityRow row(String fault, String test, Duration duration) {
            return new ReliabilityRow(fault, test, sent.size(), acknowledged.size(), delivered().size(),
                    (int) delivered().stream().filter(late::contains).count(), inDeadLetters().size(), duplicates(),
                    missing().size(), retries, "not compared", duration);
        }
    }

    private Map<String, Integer> count(Iterable<ConsumerRecord<String, byte[]>> records,
                                       Function<byte[], String> paymentId) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && record.key().startsWith(accountPrefix)) {
                counts.merge(paymentId.apply(record.value()), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The {@code paymentId} of a dead-lettered payment: its original bytes, JSON if they were readable at all. */
    private static String paymentIdOfRawJson(byte[] value) {
        try {
            JsonNode id = Http.JSON.readTree(value).get("paymentId");
            return id == null ? "(no paymentId)" : id.asString();
        } catch (RuntimeException unreadable) {
            return "(unreadable)";
        }
    }

    private Map<String, Integer> storedPayments(TestPostgres.Database database) {
        String sql = "SELECT payment_id, COUNT(*) FROM payments WHERE account_id LIKE ? GROUP BY payment_id";
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, accountPrefix + "%");
            Map<String, Integer> rows = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getInt(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subscriber's payments", e);
        }
    }
}
