package dev.paymon.systemtest.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.StackSettings;
import dev.paymon.systemtest.SystemStack;
import dev.paymon.systemtest.reliability.ReliabilityRow;
import dev.paymon.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The publisher jar above its capacity and stopped (SIGTERM) under load, with the broker, processor and subscriber
 * jars behind it and the subscriber on PostgreSQL. One stack for both: the SIGTERM test runs last, as it ends the
 * publisher. Load comes from an open-loop client ({@link PaymentPhases}): every request leaves at its intended time
 * whatever became of the earlier ones, and its latency counts from that time, so a server that stalls cannot hide
 * it by slowing the client down. Figures go to {@code target/reliability/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublisherOverloadIT {

    /** The publisher's heap limit in the system tests ({@link SystemStack#SERVICE_JVM}). */
    static final long HEAP_LIMIT = 256L * 1024 * 1024;
    /** The publisher's default {@code paymon.publisher.admission.max-in-flight}. */
    static final int MAX_IN_FLIGHT = 32;
    /** Requests at once to find the capacity: as many as the publisher admits, so it works at its limit, sheds none. */
    static final int CAPACITY_CONCURRENCY = MAX_IN_FLIGHT;
    static final double LOW_RATE = 40;
    static final double OVERLOAD_FACTOR = 3;
    static final Duration OVERLOAD = Duration.ofSeconds(15);
    /** After the overload, latency at the low rate must be back under max(factor x the p99 before, floor). */
    static final double RECOVERY_FACTOR = 5;
    static final double RECOVERY_FLOOR_MILLIS = 500;
    static final int RECOVERY_WINDOWS = 5;
    static final Duration PIPELINE = Duration.ofSeconds(120);
    /** Traffic of the SIGTERM test, at this times the capacity; the SIGTERM comes after about 2 s of it. */
    static final Duration SIGTERM_LOAD = Duration.ofSeconds(6);
    static final double SIGTERM_FACTOR = 2;

    private static TestPostgres.Database database;
    private static LocalStack stack;
    /** Acknowledged payments per second the publisher sustains, as the first test found it (0: not measured yet). */
    private static double capacity;

    @BeforeAll
    static void startStack() {
        database = TestPostgres.newSchema();
        // The load generator sends with one key what stands for many clients: the per-key cap (KeyAdmissionIT's) is
        // set to the global one, which is what this test is about.
        StackSettings settings = SystemStack.settings(SystemStack.newDataDir("overload"), database);
        Map<String, List<String>> arguments = new HashMap<>(settings.extraArguments());
        arguments.put(StackSettings.PUBLISHER, List.of("--paymon.publisher.admission.max-in-flight-per-key="
                + MAX_IN_FLIGHT));
        stack = new LocalStack(settings.withExtraArguments(arguments)).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aboveCapacityItShedsWithProblemsKeepsItsHeapBoundedRecoversAndLosesNothingAcknowledged()
            throws IOException, SQLException {
        long started = System.nanoTime();
        String run = "ovl-" + UUID.randomUUID().toString().substring(0, 8);
        List<LoadPhase> phases = new ArrayList<>();
        long maxHeap;
        try (PaymentPhases load = new PaymentPhases(stack.publisher().url(), run);
             HeapWatch heap = new HeapWatch(stack.publisher().metricsUrl())) {
            phases.add(load.closedLoop("warm-up", MAX_IN_FLIGHT, Duration.ofSeconds(4)));
            LoadPhase before = load.openLoop("before", LOW_RATE, Duration.ofSeconds(3));
            LoadPhase capacity = load.closedLoop("capacity", CAPACITY_CONCURRENCY, Duration.ofSeconds(3));
            PublisherOverloadIT.capacity = capacity.goodput();
            LoadPhase overload = load.openLoop("overload", OVERLOAD_FACTOR * capacity.goodput(), OVERLOAD);
            phases.addAll(List.of(before, capacity, overload));
            double bound = Math.max(RECOVERY_FACTOR * before.p99Millis(), RECOVERY_FLOOR_MILLIS);
            LoadPhase after;
            int windows = 0;
            do {
                after = load.openLoop("after", LOW_RATE, Duration.ofSeconds(2));
                phases.add(after);
                windows++;
            } while (after.p99Millis() > bound && windows < RECOVERY_WINDOWS);
            maxHeap = heap.maxUsedBytes();
            phases.forEach(phase -> System.out.println(phase.summary()));
            System.out.printf("publisher heap: at most %.1f MB used (%d scrapes, %d failed)%n", maxHeap / 1e6,
                    heap.scrapes(), heap.failedScrapes());

            assertThat(overload.failures()).as("requests without an answer").isEmpty();
            assertThat(overload.outcomes()).as("answers above capacity").allSatisfy(outcome -> assertThat(
                    outcome.acknowledged() || outcome.shedAsProblem()).as("%s", outcome).isTrue());
            assertThat(overload.count(o -> o.status() == 503)).as("requests shed above capacity").isPositive();
            assertThat(maxHeap).as("publisher heap").isPositive().isLessThan(HEAP_LIMIT);
            assertThat(stack.publisher().process().isAlive()).isTrue();
            assertThat(Files.readString(stack.publisher().process().log())).doesNotContain("OutOfMemoryError");
            assertThat(after.p99Millis()).as("p99 at %s/s after the overload (before: %.1f ms)", LOW_RATE,
                    before.p99Millis()).isLessThanOrEqualTo(bound);
            ReliabilityRow.writeFile("overload-figures.md", figures(before, capacity, overload, after, windows,
                    maxHeap));
        }

        Set<String> acknowledged = new HashSet<>();
        phases.forEach(phase -> acknowledged.addAll(phase.acknowledgedIds()));
        DeliveryCheck delivery = DeliveryCheck.of(stack.broker().bootstrapServers(), database, run, acknowledged,
                PIPELINE);
        int sent = phases.stream().mapToInt(LoadPhase::sent).sum();
        delivery.row("publisher above capacity (open loop at 3×, 15 s; the rest shed with 503)", sent, started)
                .write("40-publisher-overload", List.of());
        System.out.println(delivery);
        assertThat(delivery.lost()).as("acknowledged but lost").isZero();
        assertThat(delivery.duplicates()).isZero();
        // Valid payments, processed late because of the backlog but never late in event time: none dead-lettered.
        assertThat(delivery.inDlq()).as("acknowledged payments dead-lettered (e.g. LATE_EVENT)").isZero();
        assertThat(delivery.delivered()).isEqualTo(acknowledged.size());
    }

    @Test
    @Order(2)
    void sigtermUnderLoadAnswersEveryRequestCleanlyAndLosesNothingAcknowledged() throws IOException, SQLException {
        long started = System.nanoTime();
        String run = "term-" + UUID.randomUUID().toString().substring(0, 8);
        LoadPhase traffic;
        long sigtermAt;
        int exitCode;
        try (PaymentPhases load = new PaymentPhases(stack.publisher().url(), run)) {
            if (capacity == 0) {
                load.closedLoop("warm-up", MAX_IN_FLIGHT, Duration.ofSeconds(4));
                capacity = load.closedLoop("capacity", CAPACITY_CONCURRENCY, Duration.ofSeconds(3)).goodput();
            }
            // Above the capacity, so that the admission limit is full of requests in progress when SIGTERM comes.
            double rate = SIGTERM_FACTOR * capacity;
            long answeredBefore = load.answered();
            CompletableFuture<LoadPhase> sending = CompletableFuture.supplyAsync(
                    () -> load.openLoop("sigterm", rate, SIGTERM_LOAD));
            await().atMost(Duration.ofSeconds(30)).until(() -> load.answered() - answeredBefore >= 2 * capacity);
            sigtermAt = System.nanoTime();
            exitCode = stack.publisher().process().stop(Duration.ofSeconds(60));
            traffic = sending.join();
        }
        List<Outcome> inFlightAtSigterm = traffic.outcomes().stream()
                .filter(o -> o.intendedAt() <= sigtermAt && o.intendedAt() + o.latencyNanos() > sigtermAt).toList();
        List<Outcome> unanswered = traffic.outcomes().stream()
                .filter(o -> o.failure() != null && !o.failure().startsWith("ConnectException")).toList();
        DeliveryCheck delivery = DeliveryCheck.of(stack.broker().bootstrapServers(), database, run,
                traffic.acknowledgedIds(), PIPELINE);
        delivery.row("SIGTERM of the publisher under load", traffic.sent(), started)
                .write("41-publisher-sigterm", List.of());
        String figures = "%s%nexit code %d; in flight at SIGTERM: %d %s; problems %s; without an answer on an open "
                + "connection: %d; %s%n";
        ReliabilityRow.writeFile("publisher-sigterm-figures.md", figures.formatted(traffic.summary(), exitCode,
                inFlightAtSigterm.size(), new LoadPhase("in flight", Double.NaN, 1, inFlightAtSigterm).byStatus(),
                traffic.problems(), unanswered.size(), delivery));

        assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(Files.readString(stack.publisher().process().log())).containsSubsequence(
                "Draining: answering new publishing requests with 503", "Commencing graceful shutdown",
                "Graceful shutdown complete", "Closing the Kafka producer");
        assertThat(traffic.outcomes()).as("every answer: 202, a 503 problem, or none (connection refused or closed)")
                .allSatisfy(o -> assertThat(o.acknowledged() || o.shedAsProblem() || o.failure() != null)
                        .as("%s", o).isTrue());
        assertThat(traffic.count(o -> "https://paymon.dev/problems/shutting-down".equals(o.problemType())))
                .as("refused while draining").isPositive();
        assertThat(traffic.count(o -> o.failure() != null && o.failure().startsWith("ConnectException")))
                .as("refused once closed").isPositive();
        assertThat(delivery.lost()).as("acknowledged but lost").isZero();
        assertThat(delivery.duplicates()).isZero();
        assertThat(delivery.inDlq()).as("acknowledged payments dead-lettered (e.g. LATE_EVENT)").isZero();
        assertThat(delivery.delivered()).isEqualTo(traffic.acknowledgedIds().size());
        assertThat(unanswered).as("requests without an answer that were published all the same")
                .noneMatch(o -> delivery.enrichedIds().contains(o.paymentId()));
    }

    private static String figures(LoadPhase before, LoadPhase capacity, LoadPhase overload, LoadPhase after,
                                  int windows, long maxHeap) {
        return """
                | figure | value |
                | --- | --- |
                | capacity (closed loop, %d requests at once) | %.0f payments/s acknowledged |
                | offered above capacity | %.0f requests/s for %d s (%d requests) |
                | acknowledged during the overload | %.0f/s |
                | shed (503 `overloaded`) | %.1f %% |
                | publisher heap, most used | %.0f MB of %d MB |
                | p99 latency before (%.0f/s) | %.1f ms |
                | p99 latency during (all answers / 202 only) | %.1f ms / %.1f ms |
                | p99 latency after (%.0f/s, window %d of 2 s) | %.1f ms |
                """.formatted(CAPACITY_CONCURRENCY, capacity.goodput(), overload.offeredPerSecond(),
                OVERLOAD.toSeconds(), overload.sent(), overload.goodput(), overload.shedPercent(), maxHeap / 1e6,
                HEAP_LIMIT / (1024 * 1024), LOW_RATE, before.p99Millis(), overload.p99Millis(),
                overload.latencyMillis(99, Outcome::acknowledged), LOW_RATE, windows, after.p99Millis());
    }
}
