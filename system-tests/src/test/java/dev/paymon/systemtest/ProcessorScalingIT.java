package dev.paymon.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.EventJson;
import dev.paymon.events.EventTypes;
import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scaling out: a second processor instance with the same application id joins while payments flow.
 * Every payment is still enriched exactly once, and the window results equal a plain recomputation
 * from what was sent, as one instance would produce them.
 */
class ProcessorScalingIT {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    /** Windows close at end + grace (30 s) plus the close-check interval; a little slack on top. */
    private static final Duration ALL_WINDOWS_CLOSED = Duration.ofSeconds(180);

    private static LocalStack stack;

    /** A payment as sent: enough to recompute its window. */
    record Sent(String paymentId, String accountId, BigDecimal amount, Instant occurredAt) {
    }

    @BeforeAll
    static void startStack() {
        stack = SystemStack.start("scaling", TestPostgres.newSchema());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void secondProcessorInstanceJoinsWhilePaymentsFlowWithoutLosingOrDoublingAnything() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> accounts = IntStream.range(0, 12).mapToObj(i -> "scale-" + run + "-" + i).toList();
        List<Sent> sent = new CopyOnWriteArrayList<>();
        AtomicBoolean flowing = new AtomicBoolean(true);
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            Random random = new Random(42);
            for (int i = 0; flowing.get() || i < 60; i++) {
                send(accounts.get(i % accounts.size()), random, sent);
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() >= 60);
        stack.addProcessor(FreePorts.next(), FreePorts.next());
        int sentBeforeJoin = sent.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() >= sentBeforeJoin + 60);
        flowing.set(false);
        traffic.join();

        Set<String> accountSet = Set.copyOf(accounts);
        Map<String, Long> enrichedPerPayment = await().atMost(Duration.ofSeconds(90)).until(
                () -> values(Topics.PAYMENTS_ENRICHED.name()).stream()
                        .map(bytes -> EventJson.read(EventTypes.PAYMENT_ENRICHED, bytes))
                        .filter(e -> accountSet.contains(e.payment().accountId()))
                        .collect(Collectors.groupingBy(e -> e.payment().paymentId(), Collectors.counting())),
                seen -> seen.size() >= sent.size());
        assertThat(enrichedPerPayment.keySet()).containsExactlyInAnyOrderElementsOf(
                sent.stream().map(Sent::paymentId).toList());
        assertThat(enrichedPerPayment.values()).containsOnly(1L);

        Map<String, AccountActivity> expected = expectedWindows(sent);
        List<AccountActivity> windows = await().atMost(ALL_WINDOWS_CLOSED).pollInterval(Duration.ofSeconds(2)).until(
                () -> values(Topics.ACCOUNTS_ACTIVITY.name()).stream()
                        .map(bytes -> EventJson.read(EventTypes.ACCOUNT_ACTIVITY, bytes))
                        .filter(a -> accountSet.contains(a.accountId()))
                        .toList(),
                found -> found.size() >= expected.size());
        assertThat(windows).hasSameSizeAs(expected.values());
        assertThat(windows.stream().collect(Collectors.toMap(ProcessorScalingIT::windowKey, Function.identity())))
                .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    private static void send(String account, Random random, List<Sent> sent) {
        String paymentId = "p-" + UUID.randomUUID();
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(9_900), 2);
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String json = PipelineRoundTripIT.payment(paymentId, account, amount.toPlainString(), "EUR")
                .replace("}", ",\"occurredAt\":\"" + occurredAt + "\"}");
        Http.Answer answer = Http.post(stack.publisher().url() + "/api/v1/payments", json);
        assertThat(answer.status()).as("publisher answer %s", answer.body()).isEqualTo(202);
        sent.add(new Sent(paymentId, account, amount, occurredAt));
    }

    /** The windows one instance must produce: tumbling 60 s per account, recomputed from the input. */
    private static Map<String, AccountActivity> expectedWindows(List<Sent> sent) {
        return sent.stream()
                .collect(Collectors.groupingBy(s -> s.accountId() + "@" + windowStart(s.occurredAt())))
                .values().stream()
                .map(payments -> {
                    Instant start = windowStart(payments.get(0).occurredAt());
                    return new AccountActivity(payments.get(0).accountId(), start, start.plus(WINDOW),
                            payments.size(),
                            payments.stream().map(Sent::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                            payments.stream().map(Sent::amount).reduce(BigDecimal.ZERO, BigDecimal::max));
                })
                .collect(Collectors.toMap(ProcessorScalingIT::windowKey, Function.identity()));
    }

    private static Instant windowStart(Instant time) {
        long size = WINDOW.toMillis();
        return Instant.ofEpochMilli(time.toEpochMilli() - Math.floorMod(time.toEpochMilli(), size));
    }

    private static String windowKey(AccountActivity activity) {
        return activity.accountId() + "@" + activity.windowStart();
    }

    private static List<byte[]> values(String topic) {
        return KafkaClients.readAll(stack.broker().bootstrapServers(), topic).stream()
                .map(ConsumerRecord::value).toList();
    }
}
