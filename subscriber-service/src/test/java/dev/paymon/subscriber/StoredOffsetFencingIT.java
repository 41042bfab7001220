package dev.paymon.subscriber;

import static dev.paymon.subscriber.TestClients.enriched;
import static dev.paymon.subscriber.TestClients.inTransaction;
import static dev.paymon.subscriber.TestEvents.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Topics;
import dev.paymon.testing.TestKafka;
import dev.paymon.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Another instance on the same database rebuilds the projections (empties them and rewinds the stored offsets) while
 * this one's consumers run on, positioned far ahead: its next batch finds the stored offsets moved, applies nothing
 * and seeks back, so the history returns; nothing is skipped and nothing counted twice.
 */
class StoredOffsetFencingIT extends SubscriberIntegrationTest {

    private static final String GROUP = "paymon-subscriber-fencing-" + UUID.randomUUID();

    private static TestPostgres.Database database;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void infrastructure() {
        database = TestPostgres.newSchema();
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SubscriberDatabase.register(registry, database);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @Test
    void seeksBackToTheStoredOffsetsWhenAnotherInstanceRewoundThem() {
        String account = "acc-" + UUID.randomUUID();
        List<PaymentEnriched> before = payments(account, 30);
        List<PaymentEnriched> after = payments(account, 10);
        before.forEach(payment -> inTransaction(true, producer -> producer.send(enriched(payment))));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(account) == before.size());

        // What a rebuild by another instance does, in one transaction, while this one's consumers keep running.
        jdbc.sql("DELETE FROM account_summaries").update();
        jdbc.sql("DELETE FROM payments").update();
        jdbc.sql("UPDATE projection_counts SET n = 0 WHERE LEFT(counter, 9) = 'payments.'").update();
        jdbc.sql("UPDATE consumer_offsets SET stream_from = GREATEST(stream_from, next_offset), next_offset = 0")
                .update();
        after.forEach(payment -> inTransaction(true, producer -> producer.send(enriched(payment))));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(account) == before.size() + after.size());
        BigDecimal total = IntStream.range(0, before.size() + after.size())
                .mapToObj(i -> (i < before.size() ? before.get(i) : after.get(i - before.size())).amountBase())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(jdbc.sql("SELECT payment_count, total_base FROM account_summaries WHERE account_id = ?")
                .param(account).query((rs, row) -> List.of(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .single()).containsExactly((long) (before.size() + after.size()), total.stripTrailingZeros());
    }

    private long stored(String account) {
        return jdbc.sql("SELECT COUNT(*) FROM payments WHERE account_id = ?").param(account).query(Long.class).single();
    }

    private static List<PaymentEnriched> payments(String account, int count) {
        return IntStream.range(0, count).mapToObj(i -> payment("pay-" + UUID.randomUUID(), account, "1.25", "EUR",
                "1.25", List.of())).toList();
    }
}
