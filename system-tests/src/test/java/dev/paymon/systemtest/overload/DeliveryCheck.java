package dev.paymon.systemtest.overload;

import static org.awaitility.Awaitility.await;

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
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Where the payments of one run ended up: waits until the subscriber's database holds every acknowledged one (or
 * {@code patience} has passed), then counts them in {@code payments.enriched.v1} and {@code payments.dlq.v1} (both
 * read {@code read_committed}) and in the database, by payment id.
 *
 * @param acknowledged payments answered 202
 * @param delivered    acknowledged payments in {@code payments.enriched.v1} and in the database
 * @param late         of those, the ones processed after their window had closed
 * @param inDlq        acknowledged payments dead-lettered instead
 * @param duplicates   copies beyond the first, of any payment of the run, in the topic and in the database
 * @param lost         acknowledged payments neither delivered nor dead-lettered
 * @param enrichedIds  every payment id of the run in {@code payments.enriched.v1}, acknowledged or not (a payment
 *                     answered 503 after a send the broker took late may be there: the client retries with the
 *                     same id, and the processor drops the repeat)
 */
record DeliveryCheck(int acknowledged, int delivered, int late, int inDlq, int duplicates, int lost,
                     Set<String> enrichedIds) {

    static DeliveryCheck of(String bootstrap, TestPostgres.Database database, String run, Set<String> acknowledged,
                            Duration patience) throws SQLException {
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(500))
                    .until(() -> storedIds(database, run).keySet().containsAll(acknowledged));
        } catch (ConditionTimeoutException notAll) {
            // Counted below: what is missing is reported as lost, and the test fails on it with the figures.
        }
        Map<String, Integer> stored = storedIds(database, run);
        Map<String, Integer> enriched = countIds(KafkaClients.readAll(bootstrap, Topics.PAYMENTS_ENRICHED.name()), run,
                "/payment/paymentId");
        Map<String, Integer> deadLettered = countIds(KafkaClients.readAll(bootstrap, Topics.PAYMENTS_DLQ.name()), run,
                "/paymentId");
        int delivered = (int) acknowledged.stream().filter(id -> enriched.containsKey(id) && stored.containsKey(id))
                .count();
        Set<String> lateIds = lateIds(KafkaClients.readAll(bootstrap, Topics.PAYMENTS_ENRICHED.name()), run);
        int late = (int) acknowledged.stream().filter(id -> enriched.containsKey(id) && stored.containsKey(id))
                .filter(lateIds::contains).count();
        int inDlq = (int) acknowledged.stream().filter(deadLettered::containsKey).count();
        int duplicates = extra(enriched) + extra(stored);
        int lost = (int) acknowledged.stream()
                .filter(id -> !(enriched.containsKey(id) && stored.containsKey(id)) && !deadLettered.containsKey(id))
                .count();
        return new DeliveryCheck(acknowledged.size(), delivered, late, inDlq, duplicates, lost,
                Set.copyOf(enriched.keySet()));
    }

    @Override
    public String toString() {
        return "acknowledged %d, delivered %d (late %d), in DLQ %d, duplicates %d, lost %d, published in all %d"
                .formatted(acknowledged, delivered, late, inDlq, duplicates, lost, enrichedIds.size());
    }

    private static int extra(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(count -> count - 1).sum();
    }

    /**
     * Payment ids of the run in records keyed by one of its accounts ({@code <run>-acc-<k>}), found at {@code path}
     * of the JSON value (a dead letter's value is the original payment).
     */
    private static Map<String, Integer> countIds(Iterable<ConsumerRecord<String, byte[]>> records, String run,
                                                 String path) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && record.key().startsWith(run + "-")) {
                String id = Http.JSON.readTree(record.value()).at(path).asString(null);
                if (id != null) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Payment ids of the run's accounts marked late on {@code payments.enriched.v1}. */
    private static Set<String> lateIds(Iterable<ConsumerRecord<String, byte[]>> records, String run) {
        Set<String> late = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && record.key().startsWith(run + "-")
                    && Http.JSON.readTree(record.value()).at("/late").asBoolean(false)) {
                late.add(Http.JSON.readTree(record.value()).at("/payment/paymentId").asString());
            }
        }
        return late;
    }

    private static Map<String, Integer> storedIds(TestPostgres.Database database, String run) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(
                     "SELECT payment_id, COUNT(*) FROM payments WHERE payment_id LIKE ? GROUP BY payment_id")) {
            s.setString(1, run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                Map<String, Integer> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
                return counts;
            }
        }
    }

    /** The row of the reliability table; clients here do not retry, and the services' counters are not compared. */
    ReliabilityRow row(String fault, int sent, long startedNanos) {
        return new ReliabilityRow(fault, "PublisherOverloadIT", sent, acknowledged, delivered, late, inDlq, duplicates,
                lost, null, "not compared", Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
