package dev.paymon.systemtest.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.launcher.LocalStack;
import dev.paymon.systemtest.Http;
import dev.paymon.systemtest.SystemStack;
import dev.paymon.systemtest.reliability.ReliabilityRow;
import dev.paymon.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The single local broker stopped and started again, with the real jars: while it is down the publisher answers
 * every payment with a 503 problem (with {@code Retry-After}) within its send timeout, never a 2xx; when the broker
 * is back on the same data and port, the publisher, processor and subscriber recover by themselves (nothing is
 * restarted), the refused payments go through when retried with the same {@code paymentId}, and every payment
 * acknowledged before, during the recovery and after reaches the database exactly once.
 *
 * <p>How each publishing endpoint answers without any broker at all is {@code KafkaUnavailableIT}'s subject
 * (publisher-service); this is about the whole pipeline surviving the broker's absence.
 */
class BrokerDownIT {

    /** The send timeout plus generous room for a loaded machine: a bound, not a measurement. */
    private static final Duration ANSWER_BOUND = BrokerFaults.SEND_TIMEOUT.plusSeconds(10);
    private static final int REFUSED = 4;

    private static TestPostgres.Database database;
    private static LocalStack stack;
    private static long started;

    private final AcknowledgedPayments payments =
            new AcknowledgedPayments("down-" + UUID.randomUUID().toString().substring(0, 8) + "-");

    @BeforeAll
    static void startStack() {
        started = System.nanoTime();
        database = TestPostgres.newSchema();
        stack = new LocalStack(SystemStack.settings(SystemStack.newDataDir("broker-down"), database)
                .withBrokerJvmOptions(BrokerFaults.BROKER_JVM)).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void publisherRefusesWith503WhileTheBrokerIsDownAndThePipelineRecoversByItselfWhenItReturns() {
        sendAcknowledged(20);

        assertThat(stack.kafka().stop(1, Duration.ofSeconds(30))).as("broker exit code").isIn(0, 143);
        List<String> refused = IntStream.range(0, REFUSED).mapToObj(i -> "p-" + UUID.randomUUID()).toList();
        Map<String, Http.Answer> answers = sendConcurrently(refused);
        answers.values().forEach(BrokerFaults::assertUnavailable);

        long restartedAt = System.nanoTime();
        stack.kafka().restart(1);
        // Retried as a client would, with the same paymentId, until the publisher takes it again.
        String first = refused.get(0);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post(first).status() == 202);
        payments.acknowledged(first);
        Duration recovery = Duration.ofNanos(System.nanoTime() - restartedAt);
        for (String paymentId : refused.subList(1, REFUSED)) {
            assertThat(post(paymentId).status()).as("retry of " + paymentId).isEqualTo(202);
            payments.acknowledged(paymentId);
        }
        sendAcknowledged(20);
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.anonymous()
                .get(stack.publisher().url() + "/actuator/health").status() == 200);

        AcknowledgedPayments.Outcome outcome = payments.awaitSettled(stack.kafka().bootstrapServers(), database,
                Duration.ofMinutes(3));
        ReliabilityRow row = outcome.row("single broker stopped (503s, never a 2xx), restarted", "BrokerDownIT",
                Duration.ofNanos(System.nanoTime() - started));
        row.write("21-single-broker-down", List.of());
        System.out.printf("broker down: %s; publisher took payments again %d ms after the broker's restart began%n",
                row.markdown(), recovery.toMillis());

        assertThat(outcome.missing()).as("acknowledged but lost").isEmpty();
        assertThat(row.duplicates()).isZero();
        assertThat(row.deadLettered()).isZero();
        assertThat(row.delivered()).isEqualTo(row.acknowledged()).isEqualTo(row.sent()).isEqualTo(20 + REFUSED + 20);
    }

    /** Posts {@code count} new payments one after the other; each must be acknowledged. */
    private void sendAcknowledged(int count) {
        for (int i = 0; i < count; i++) {
            String paymentId = "p-" + UUID.randomUUID();
            Http.Answer answer = post(paymentId);
            assertThat(answer.status()).as("answer %s", answer.raw().body()).isEqualTo(202);
            payments.acknowledged(paymentId);
        }
    }

    /** Posts the payments side by side (each may wait the whole send timeout) and times each answer. */
    private Map<String, Http.Answer> sendConcurrently(List<String> paymentIds) {
        List<CompletableFuture<Map.Entry<String, Http.Answer>>> calls = new ArrayList<>();
        for (String paymentId : paymentIds) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                Http.Answer answer = post(paymentId);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer " + paymentId)
                        .isLessThan(ANSWER_BOUND);
                return Map.entry(paymentId, answer);
            }));
        }
        return calls.stream().map(CompletableFuture::join)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Http.Answer post(String paymentId) {
        payments.sent(paymentId);
        String account = payments.accountPrefix() + Math.floorMod(paymentId.hashCode(), 4);
        return Http.post(stack.publisher().url() + "/api/v1/payments", BrokerFaults.payment(paymentId, account));
    }
}
