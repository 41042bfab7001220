package dev.paymon.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.Topics;
import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Process faults under load, on the real jars, broker and PostgreSQL: each test runs a self-checking
 * {@link Workload} through the publisher, injects its fault while the payments flow, and lets the {@link Checker}
 * verify everything end to end; its {@link FaultReport} row goes to {@code target/reliability/}. The tests share one
 * stack (one start instead of five) and run one after the other, each on accounts of its own and at event times after
 * the previous one's; every test begins with all three services running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT {

    /** 18 accounts on 6 partitions, 3 windows of 10 s, 4 payments per account and window: about 215 payments in 30 s. */
    static final WorkloadPlan.Shape SHAPE = new WorkloadPlan.Shape(3, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 3, 4, 3);
    /** The same over 5 windows (50 s, about 350 payments): time for three restarts one after the other. */
    static final WorkloadPlan.Shape LONG_SHAPE = new WorkloadPlan.Shape(5, Rules.FAULT_TESTS.windowSize(),
            Rules.FAULT_TESTS.grace(), 3, 4, 3);
    /**
     * How far event time leads wall time. A payment is late (dead-lettered) only if its partition went quiet for a
     * second and the wall clock passed its window's end plus grace before it arrived: this lead is how long sending
     * may stall (a publisher restart) before that could happen.
     */
    private static final Duration LEAD = Duration.ofSeconds(60);
    private static final Duration SENDING = LONG_SHAPE.span().plus(Workload.GIVE_UP);

    private static FaultStack faults;
    private static Checker checker;
    private static int partitions;
    private static Instant notBefore = Instant.EPOCH;

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
        run("SIGTERM + restart of subscriber, then processor, then publisher", "1-sigterm-each-service", LONG_SHAPE,
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
        run("kill -9 of the processor, 3 times", "2-kill-processor-3x", LONG_SHAPE, (workload, counters, notes) -> {
            for (int kill = 1; kill <= 3; kill++) {
                afterShare(workload, 0.2 * kill - 0.1, notes, "kill " + kill);
                faults.killAndRestart(Meter.Kind.PROCESSOR, faults.stack().processor(), counters);
            }
        });
    }

    @Test
    @Order(3)
    void processorScaledFromOneToTwoToOne() {
        run("processor scaled 1 → 2 → 1 (SIGTERM)", "3-scale-processor-1-2-1", SHAPE, (workload, counters, notes) -> {
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
        run("two processors, kill -9 of one", "4-two-processors-kill-one", SHAPE, (workload, counters, notes) -> {
            afterShare(workload, 0.4, notes, "kill");
            faults.removeProcessor(second, true, counters);
        });
    }

    @Test
    @Order(5)
    void subscriberKilledRightAfterADatabaseCommit() {
        faults.subscriberHaltsAfterCommits(30);
        faults.restart(faults.stack().subscriber());
        run("subscriber halted (as kill -9) right after a DB commit, restarted", "5-subscriber-halt-after-commit", SHAPE,
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

    /** Injects faults while a workload runs; returns once they are done (services back up). */
    interface Fault {
        void inject(Workload workload, CounterLedger counters, List<String> notes);
    }

    private static void run(String fault, String file, WorkloadPlan.Shape shape, Fault inject) {
        Instant began = Instant.now();
        String run = "w" + UUID.randomUUID().toString().substring(0, 6);
        Instant start = WorkloadPlan.windowStartAtOrAfter(later(Instant.now().plus(LEAD), notBefore), shape.windowSize());
        WorkloadPlan plan = WorkloadPlan.build(run, start, shape, partitions);
        notBefore = plan.end();
        String publisher = faults.stack().publisher().url();
        ReferenceData.publishAndAwait(publisher, faults.bootstrap(), plan);
        List<String> notes = new ArrayList<>();
        notes.add("reference data visible after " + seconds(began));
        Checker.Start begin = checker.begin(faults.running());
        Workload workload = new Workload(publisher, plan).start();
        Workload.Result result;
        try {
            inject.inject(workload, begin.counters(), notes);
            notes.add("sending " + (workload.sending() ? "still" : "already not") + " running when the faults were done");
            result = workload.finish(SENDING);
            notes.add("sent after " + seconds(began));
        } finally {
            workload.stop();
        }
        FaultReport report = checker.check(fault, result, begin, faults.running(), began, notes);
        report.write(SystemStackPaths.reliability(), file);
        System.out.println(report.describe());
        assertThat(report.problems()).as(report.describe()).isEmpty();
    }

    /** Waits until {@code share} of the plan's payments are acknowledged (or sending is over). */
    private static void afterShare(Workload workload, double share, List<String> notes, String what) {
        int target = (int) Math.ceil(share * workload.planned());
        await(what).atMost(SENDING).until(() -> workload.acknowledgedCount() >= target || !workload.sending());
        notes.add(what + " at " + workload.acknowledgedCount() + " acknowledged");
    }

    private static String seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0 + " s";
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
