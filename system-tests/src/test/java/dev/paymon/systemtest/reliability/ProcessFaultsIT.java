package dev.paymon.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.Service;
import dev.paymon.systemtest.ConsumerLag;
import dev.paymon.systemtest.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Faults under load, on the real jars, broker and PostgreSQL: each test runs a self-checking workload through the
 * publisher, injects its fault while the payments flow, and lets the {@link Checker} verify everything end to end; its
 * {@link FaultReport} row goes to {@code target/reliability/}. Clients stamp payments as real ones do, when they send
 * them (a retry keeps its own time), never ahead of the wall clock but for the one test of a fast clock. The tests
 * share one stack (one start instead of twelve) and run one after the other, each on accounts of its own; every test
 * begins with all three services and the broker running, one instance each. The burst comes last: its volume would
 * slow every check after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT {

    /** 18 accounts on 6 partitions, 3 windows of 10 s, 4 payments per account and window: about 215 payments in 30 s. */
    static final WorkloadPlan.Shape SHAPE = new WorkloadPlan.Shape(3, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 3, 4, 3);
    /** The same over 5 windows (50 s, about 350 payments): time for three restarts one after the other. */
    static final WorkloadPlan.Shape LONG_SHAPE = new WorkloadPlan.Shape(5, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 3, 4, 3);
    /** 33 windows (5.5 min), 2 payments per account and window: ingest goes on while the processor is away 5 min. */
    static final WorkloadPlan.Shape OUTAGE_SHAPE = new WorkloadPlan.Shape(33, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 3, 2, 3);
    /** 24 windows (4 min), 2 payments per account and window, around a broker outage of 2 min. */
    static final WorkloadPlan.Shape BROKER_SHAPE = new WorkloadPlan.Shape(24, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 3, 2, 3);
    /** The burst's accounts: 6 on each partition, 4 senders (batches of 50). */
    static final WorkloadPlan.Shape BURST_SHAPE = new WorkloadPlan.Shape(1, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 6, 1, 4);
    static final Duration PROCESSOR_AWAY = Duration.ofMinutes(5);
    static final Duration BROKER_AWAY = Duration.ofMinutes(2);
    static final Duration CLOCK_AHEAD = Duration.ofMinutes(4);
    static final Duration INSERT_REVOKED = Duration.ofSeconds(30);
    static final Duration BURST = Duration.ofMinutes(3);
    static final double BURST_FACTOR = 3;
    /** The processor's share of the machine during the burst (see {@link #burstAtThreeTimesThePipelinesRate}). */
    static final double BURST_PROCESSOR_SHARE = 0.05;

    private static FaultStack faults;
    private static Checker checker;
    private static int partitions;

    @BeforeAll
    static void startStack() {
        faults = FaultStack.start("faults", Rules.FAULT_TESTS);
        checker = new Checker(faults.bootstrap(), faults.database, Rules.FAULT_TESTS);
        partitions = Topology.partitions(faults.bootstrap(), Topics.PAYMENTS_INITIATED.name());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (faults != null) {
            faults.close();
        }
        Path rows = SystemStackPaths.reliability();
        if (Files.isDirectory(rows)) {
            Files.writeString(rows.resolve("TABLE.txt"), ReliabilityReport.table(rows) + "\n");
        }
    }

    @BeforeEach
    void everyServiceRunning() {
        faults.reset();
    }

    /** The publisher last: its restart stalls the senders, so they are still sending while it restarts. */
    @Test
    @Order(1)
    void gracefulRestartOfEachServiceUnderLoad() {
        run("SIGTERM + restart of subscriber, then processor, then publisher", "01-sigterm-each-service", LONG_SHAPE,
                (workload, counters, notes) -> {
                    LocalStack stack = faults.stack();
                    afterShare(workload, 0.10, notes, "subscriber");
                    faults.restart(Meter.Kind.SUBSCRIBER, stack.subscriber(), counters);
                    afterShare(workload, 0.35, notes, "processor");
                    faults.restart(Meter.Kind.PROCESSOR, stack.processor(), counters);
                    afterShare(workload, 0.65, notes, "publisher");
                    faults.restart(Meter.Kind.PUBLISHER, stack.publisher(), counters);
                });
    }

    @Test
    @Order(2)
    void processorKilledThreeTimes() {
        run("kill -9 of the processor, 3 times", "02-kill-processor-3x", LONG_SHAPE, (workload, counters, notes) -> {
            for (int kill = 1; kill <= 3; kill++) {
                afterShare(workload, 0.2 * kill - 0.1, notes, "kill " + kill);
                faults.killAndRestart(Meter.Kind.PROCESSOR, faults.stack().processor(), counters);
            }
        });
    }

    @Test
    @Order(3)
    void processorScaledFromOneToTwoToOne() {
        run("processor scaled 1 → 2 → 1 (SIGTERM)", "03-scale-processor-1-2-1", SHAPE, (workload, counters, notes) -> {
            afterShare(workload, 0.2, notes, "second instance");
            Service second = faults.addProcessor();
            afterShare(workload, 0.6, notes, "back to one");
            faults.removeProcessor(second, false, counters);
        });
    }

    @Test
    @Order(4)
    void oneOfTwoProcessorsKilled() {
        Service second = faults.addProcessor();
        run("two processors, kill -9 of one", "04-two-processors-kill-one", SHAPE, (workload, counters, notes) -> {
            afterShare(workload, 0.4, notes, "kill");
            faults.removeProcessor(second, true, counters);
        });
    }

    @Test
    @Order(5)
    void subscriberKilledRightAfterADatabaseCommit() {
        faults.subscriberHaltsAfterCommits(30);
        faults.restart(faults.stack().subscriber());
        run("subscriber halted (as kill -9) right after a DB commit, restarted", "05-subscriber-halt-after-commit", SHAPE,
                (workload, counters, notes) -> {
                    Service subscriber = faults.stack().subscriber();
                    await("the subscriber halts itself").atMost(Duration.ofSeconds(90))
                            .until(() -> !subscriber.process().isAlive());
                    notes.add("halted at " + workload.acknowledgedCount() + " acknowledged");
                    assertThat(subscriber.process().waitFor(Duration.ofSeconds(5))).as("exit code").isEqualTo(137);
                    counters.crashed(Meter.Kind.SUBSCRIBER, subscriber);
                    faults.subscriberHaltsAfterCommits(0);
                    faults.start(subscriber);
                });
    }

    /**
     * A backlog of five minutes, worked off by a processor that starts after it: it closes windows by the payments'
     * event time as it goes, so none of them is late.
     */
    @Test
    @Order(6)
    void processorStoppedFiveMinutesWhileIngestGoesOn() {
        FaultReport report = run("processor stopped 5 min while ingest goes on, then started",
                "06-processor-stopped-5-min", OUTAGE_SHAPE,
                (workload, counters, notes) -> {
                    afterShare(workload, 0.05, notes, "processor stopped");
                    faults.stop(Meter.Kind.PROCESSOR, faults.stack().processor(), counters);
                    waitFor(PROCESSOR_AWAY, workload, notes);
                    faults.start(faults.stack().processor());
                    notes.add("processor started again at " + workload.acknowledgedCount() + " acknowledged");
                });
        assertThat(report.late()).as("late payments of the backlog").isZero();
    }

    /**
     * The one broker away for two minutes: the publisher answers 503 (never 2xx), clients queue what was refused and go
     * on, and send it again, with its own time, once the broker is back, between their new payments. Those retries are
     * minutes older than the payments around them on their partitions: the ones whose windows have closed are late, and
     * delivered all the same.
     */
    @Test
    @Order(7)
    void brokerAwayTwoMinutesAndClientsSendEveryRefusedPaymentAgainWithItsOwnTime() {
        FaultReport report = run("single broker stopped 2 min, clients send every 503'd payment again with its own time",
                "07-broker-away-2-min-client-retries", BROKER_SHAPE, Workload.Retries.LATER, Duration.ofMinutes(6),
                (workload, counters, notes) -> {
                    afterShare(workload, 0.15, notes, "broker stopped");
                    faults.stopBroker();
                    waitFor(BROKER_AWAY, workload, notes);
                    faults.startBroker();
                    notes.add("broker started again; " + workload.refusedCount() + " answers other than 202 by then");
                }, Duration.ofMinutes(4));
        // A retry sent after a new payment of its partition comes after that payment's time: its window has closed.
        assertThat(report.late()).as("late payments among the retries").isPositive();
    }

    /**
     * One account's client clock runs four minutes ahead (the stack's publisher takes up to 5 min, the default 10 s):
     * its payments sit in windows four minutes on, and the processor's watermark, never past its own clock, makes no
     * other payment of their partition late. Its own windows are still open at the check, which does not wait for them.
     */
    @Test
    @Order(8)
    void oneClientsClockFourMinutesAhead() {
        FaultReport report = run("one account's client clock 4 min ahead", "08-client-clock-4-min-ahead", SHAPE,
                plan -> plan.withFastClock(CLOCK_AHEAD, Duration.ofSeconds(2)), Workload.Retries.AT_ONCE,
                Workload.GIVE_UP, (workload, counters, notes) -> notes.add("payments of " + workload.planned()
                        + " planned stamped now or, for one account, " + CLOCK_AHEAD + " ahead"), Checker.CAUGHT_UP);
        assertThat(report.late()).as("payments made late by one fast clock").isZero();
    }

    @Test
    @Order(9)
    void subscriberScaledFromOneToTwoToOne() {
        run("subscriber scaled 1 → 2 → 1 (SIGTERM)", "09-scale-subscriber-1-2-1", SHAPE, (workload, counters, notes) -> {
            afterShare(workload, 0.2, notes, "second instance");
            Service second = faults.addSubscriber();
            afterShare(workload, 0.6, notes, "back to one");
            faults.removeSubscriber(second, counters);
        });
    }

    /**
     * A rebuild of every projection, asked of one of two subscriber instances on the same database while payments flow:
     * the other goes on, finds its stored offsets rewound and seeks. Once the rebuild says it is complete, the whole
     * database (every run's accounts, not only this one's) holds exactly what the topics hold.
     */
    @Test
    @Order(10)
    void rebuildUnderLoadWithTwoSubscribers() {
        Service second = faults.addSubscriber();
        run("rebuild of every projection under load, two subscriber instances", "10-rebuild-under-load-2-subscribers",
                LONG_SHAPE, (workload, counters, notes) -> {
                    afterShare(workload, 0.3, notes, "rebuild asked");
                    Http.Answer started = Http.post(faults.stack().subscriber().url() + "/api/v1/admin/rebuild", "");
                    assertThat(started.status()).as("rebuild: %s", started.body()).isEqualTo(202);
                    counters.replayed(Meter.Kind.SUBSCRIBER);
                    notes.add("rebuild started with " + started.body().get("remaining").asLong() + " offsets to apply");
                    JsonNode done = await("the rebuild completes").atMost(Duration.ofMinutes(5))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(() -> Http.get(faults.stack().subscriber().url() + "/api/v1/admin/rebuild").body(),
                                    status -> status.get("complete").asBoolean());
                    notes.add("rebuild complete at " + workload.acknowledgedCount() + " acknowledged: "
                            + done.get("partitions").size() + " partitions, 0 left");
                    faults.removeSubscriber(second, counters);
                });
        assertThat(WholeHistory.compare(faults.bootstrap(), faults.database)).as("the database against the topics")
                .isEmpty();
    }

    /**
     * The subscriber's INSERT privilege on {@code payments} taken for 30 s (an operator's mistake; a failover to a
     * read-only standby refuses the same way): the database's fault, not the records'. The projection retries, its
     * health DOWN meanwhile, and stores every payment once it may again; nothing goes to {@code subscriber.dlq.v1}.
     */
    @Test
    @Order(11)
    void databaseRefusesInsertsForThirtySeconds() {
        run("subscriber's INSERT on payments revoked 30 s", "11-database-insert-revoked-30-s", LONG_SHAPE,
                (workload, counters, notes) -> {
                    afterShare(workload, 0.2, notes, "INSERT revoked");
                    faults.insertIntoPayments(false);
                    Instant revoked = Instant.now();
                    await("the subscriber's readiness is DOWN").atMost(INSERT_REVOKED).until(() ->
                            Http.anonymous().get(faults.stack().subscriber().managementUrl()
                                    + "/actuator/health/readiness").status() == 503);
                    notes.add("readiness DOWN " + Duration.between(revoked, Instant.now()).toMillis() + " ms after");
                    await().atMost(INSERT_REVOKED.plusSeconds(5)).until(() ->
                            Duration.between(revoked, Instant.now()).compareTo(INSERT_REVOKED) >= 0);
                    faults.insertIntoPayments(true);
                    notes.add("INSERT granted again at " + workload.acknowledgedCount() + " acknowledged");
                });
    }

    /**
     * A burst at three times what the pipeline sustains, for three minutes, so that the processor falls far behind
     * (its lag grows to minutes, far beyond window + grace, 15 s): it works the backlog off by event time and no payment
     * is late. The rate is measured, not assumed: the burst offers three times the processor's rate over the last
     * 10 s. The processor is held to {@value #BURST_PROCESSOR_SHARE} of the machine meanwhile (SIGSTOP/SIGCONT, as a
     * small CPU quota would), so that three times its rate stays within what the load generator and the checker on
     * this 2-core machine can send and verify; it runs freely again after the burst and works the backlog off.
     */
    @Test
    @Order(12)
    void burstAtThreeTimesThePipelinesRate() {
        Instant began = Instant.now();
        String run = "w" + UUID.randomUUID().toString().substring(0, 6);
        WorkloadPlan plan = WorkloadPlan.build(run, WorkloadPlan.windowStartAtOrAfter(Instant.now(),
                BURST_SHAPE.windowSize()), BURST_SHAPE, partitions);
        ReferenceData.publishAndAwait(faults.stack().publisher().url(), faults.bootstrap(), plan);
        List<String> notes = new ArrayList<>();
        Checker.Start begin = checker.begin(faults.running());
        Burst.Outcome outcome;
        try (CpuThrottle slow = new CpuThrottle(faults.stack().processor().process().pid(), BURST_PROCESSOR_SHARE,
                Duration.ofMillis(200))) {
            outcome = new Burst(faults.stack().publisher().url(), faults.bootstrap(), "paymon-processor", plan,
                    BURST_FACTOR, BURST, 300).run();
        }
        long backlog = ConsumerLag.of(faults.bootstrap(), "paymon-processor", Topics.PAYMENTS_INITIATED.name());
        notes.add(String.format(Locale.ROOT, "offered %.0f/s while the processor did %.0f/s (x%.1f) for %d s; at the "
                        + "end %d payments waited, %.0f s of the processor's rate during the burst", outcome.offeredRate(),
                outcome.processedRate(), outcome.offeredRate() / Math.max(1, outcome.processedRate()),
                BURST.toSeconds(), backlog, backlog / Math.max(1, outcome.processedRate())));
        FaultReport report = checker.check(String.format(Locale.ROOT,
                        "burst at 3x the pipeline's rate for 3 min (%.0f/s offered, %.0f/s processed)",
                        outcome.offeredRate(), outcome.processedRate()), outcome.result(), begin, faults.running(), began,
                notes, Duration.ofMinutes(10));
        report.write("12-burst-3x-3-min");
        System.out.println(report.describe());
        assertThat(report.problems()).as(report.describe()).isEmpty();
        assertThat(report.late()).as("late payments of the burst").isZero();
        assertThat(outcome.offeredRate()).as("offered rate").isGreaterThanOrEqualTo(2.5 * outcome.processedRate());
        assertThat(backlog / Math.max(1, outcome.processedRate())).as("lag at the end of the burst, in seconds")
                .isGreaterThan(4 * Rules.FAULT_TESTS.windowSize().plus(Rules.FAULT_TESTS.grace()).toSeconds());
    }

    /** Injects faults while a workload runs; returns once they are done (services back up). */
    interface Fault {
        void inject(Workload workload, CounterLedger counters, List<String> notes);
    }

    private static FaultReport run(String fault, String file, WorkloadPlan.Shape shape, Fault inject) {
        return run(fault, file, shape, plan -> plan, Workload.Retries.AT_ONCE, Workload.GIVE_UP, inject, Checker.CAUGHT_UP);
    }

    private static FaultReport run(String fault, String file, WorkloadPlan.Shape shape, Workload.Retries retries,
                                   Duration giveUp, Fault inject, Duration caughtUp) {
        return run(fault, file, shape, plan -> plan, retries, giveUp, inject, caughtUp);
    }

    private static FaultReport run(String fault, String file, WorkloadPlan.Shape shape,
                                   UnaryOperator<WorkloadPlan> adapt, Workload.Retries retries,
                                   Duration giveUp, Fault inject, Duration caughtUp) {
        Instant began = Instant.now();
        String run = "w" + UUID.randomUUID().toString().substring(0, 6);
        // The first window start from now: clients stamp payments when they send them, never ahead.
        WorkloadPlan plan = adapt.apply(WorkloadPlan.build(run, WorkloadPlan.windowStartAtOrAfter(Instant.now(),
                shape.windowSize()), shape, partitions));
        String publisher = faults.stack().publisher().url();
        ReferenceData.publishAndAwait(publisher, faults.bootstrap(), plan);
        List<String> notes = new ArrayList<>();
        notes.add("reference data visible after " + seconds(began));
        Checker.Start begin = checker.begin(faults.running());
        Workload workload = new Workload(publisher, plan, retries, giveUp).start();
        Workload.Result result;
        try {
            inject.inject(workload, begin.counters(), notes);
            notes.add("sending " + (workload.sending() ? "still" : "already not") + " running when the faults were done");
            result = workload.finish(shape.span().plus(giveUp).plus(PROCESSOR_AWAY));
            notes.add("sent after " + seconds(began));
        } finally {
            workload.stop();
        }
        FaultReport report = checker.check(fault, result, begin, faults.running(), began, notes, caughtUp);
        report.write(file);
        System.out.println(report.describe());
        assertThat(report.problems()).as(report.describe()).isEmpty();
        return report;
    }

    /** Waits until {@code share} of the plan's payments are acknowledged (or sending is over). */
    private static void afterShare(Workload workload, double share, List<String> notes, String what) {
        int target = (int) Math.ceil(share * workload.planned());
        await(what).atMost(Duration.ofMinutes(10)).until(() -> workload.acknowledgedCount() >= target
                || !workload.sending());
        notes.add(what + " at " + workload.acknowledgedCount() + " acknowledged");
    }

    /** Lets {@code away} pass while the workload goes on. */
    private static void waitFor(Duration away, Workload workload, List<String> notes) {
        Instant until = Instant.now().plus(away);
        await("the fault's " + away).atMost(away.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Instant.now().isBefore(until));
        notes.add(away.toSeconds() + " s later: " + workload.acknowledgedCount() + " acknowledged");
    }

    private static String seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0 + " s";
    }
}
