package dev.paymon.systemtest.reliability;

import static org.awaitility.Awaitility.await;

import dev.paymon.launcher.Service;
import dev.paymon.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checks a workload's run end to end. {@link #begin} takes the services' counters at the start; {@link #check} waits
 * until the pipeline has caught up (or {@link #CAUGHT_UP} passes), reads every output topic {@code read_committed}
 * and the subscriber's tables, and verifies: nothing acknowledged lost (on {@code payments.enriched.v1} or the DLQ,
 * and in the database); nothing twice (by event id on the topics and in the database); each account's payments in
 * the order they were acknowledged; windows and alerts equal to a recomputation from the acknowledged input; no
 * transaction left open on any partition; input = enriched + dead-lettered; and the services' counters agreeing.
 */
final class Checker {

    /** How long the pipeline may take to catch up after the last payment was acknowledged. */
    static final Duration CAUGHT_UP = Duration.ofMinutes(2);
    private static final Duration TRANSACTIONS_CLOSED = Duration.ofSeconds(30);

    private final String bootstrap;
    private final TestPostgres.Database database;
    private final Rules rules;

    Checker(String bootstrap, TestPostgres.Database database, Rules rules) {
        this.bootstrap = bootstrap;
        this.database = database;
        this.rules = rules;
    }

    /** What the start of a workload looked like: the counters and the totals they will be compared with. */
    record Start(CounterLedger counters, Outputs.Totals topics, Projections.Totals database) {
    }

    /** Reads the counters of the running services once nothing is moving (the totals the same before and after). */
    Start begin(Map<Meter.Kind, List<Service>> running) {
        return stable(() -> {
            Outputs.Totals topics = Outputs.read(bootstrap, Set.of()).totals();
            Projections.Totals db = Projections.read(database, Set.of()).totals();
            return new Start(new CounterLedger(running), topics, db);
        }, start -> List.of(start.topics(), start.database()));
    }

    /**
     * @param began   when the test began, for its duration
     * @param notes   how the run went, for the report
     */
    FaultReport check(String fault, Workload.Result result, Start start, Map<Meter.Kind, List<Service>> running,
                      Instant began, List<String> notes) {
        Map<String, PlannedAccount.Profile> profiles = new HashMap<>();
        result.plan().accounts().stream().filter(a -> a.profile() != null)
                .forEach(a -> profiles.put(a.accountId(), a.profile()));
        Expectation expected = Expectation.of(result.acknowledged(), profiles, result.plan().fxRates(), rules);
        Set<String> accounts = result.sent().stream().map(PlannedPayment::accountId).collect(Collectors.toSet());
        Set<String> windowAccounts = result.plan().accounts().stream().map(PlannedAccount::accountId)
                .collect(Collectors.toSet());

        awaitCaughtUp(result, expected, accounts);
        Snapshot end = stable(() -> new Snapshot(Outputs.read(bootstrap, accounts), Projections.read(database, accounts),
                start.counters().finish(running)), s -> List.of(s.outputs().totals(), s.db().totals()));
        Verification verification = new Verification(result, expected, windowAccounts).run(end.outputs(), end.db());
        List<String> problems = new ArrayList<>(verification.problems.list());
        String counters = compareCounters(result, start, end, problems);
        problems.addAll(openTransactions());
        return new FaultReport(fault, result.sent().size(), result.acknowledged().size(), verification.delivered,
                verification.deadLettered, verification.duplicates, verification.lost.size(), result.retries(),
                counters, Duration.between(began, Instant.now()), problems, List.copyOf(notes));
    }

    private record Snapshot(Outputs outputs, Projections db, Map<Meter, Double> counters) {
    }

    private void awaitCaughtUp(Workload.Result result, Expectation expected, Set<String> accounts) {
        Set<String> acknowledged = result.acknowledged().stream().map(PlannedPayment::paymentId)
                .collect(Collectors.toSet());
        try {
            await("the pipeline catches up").atMost(CAUGHT_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Outputs outputs = Outputs.read(bootstrap, accounts);
                Set<String> out = new HashSet<>();
                outputs.enriched().forEach(e -> out.add(e.paymentId()));
                outputs.deadLettered().forEach(d -> out.add(d.paymentId()));
                long windows = expected.windows().values().stream()
                        .filter(w -> result.plan().accounts().stream().anyMatch(a -> a.accountId().equals(w.accountId())))
                        .count();
                if (!out.containsAll(acknowledged) || outputs.activity().size() < windows
                        || outputs.alerts().size() < expected.alerts().size()) {
                    return false;
                }
                Projections db = Projections.read(database, accounts);
                return db.payments().size() >= expected.enriched().size() && db.alerts().size() >= expected.alerts().size()
                        && db.activity().size() >= windows && db.deadLetters().size() >= outputs.deadLettered().size();
            });
        } catch (ConditionTimeoutException notCaughtUp) {
            // Not a verdict by itself: the verification below names what is missing.
        }
    }

    /**
     * Publisher: payments accepted, between the 202s received and those plus the requests that got no answer.
     * Processor: payments written, dead letters and alerts, against the records added to the topics. Subscriber:
     * rows stored per projection, against the rows added to the tables. Nothing else runs on the stack meanwhile.
     */
    private String compareCounters(Workload.Result result, Start start, Snapshot end, List<String> problems) {
        Outputs.Totals topics = end.outputs().totals();
        Projections.Totals db = end.db().totals();
        Map<Meter, long[]> truth = new EnumMap<>(Meter.class);
        int accepted = result.acknowledged().size();
        truth.put(Meter.PUBLISHER_ACCEPTED, new long[] {accepted, accepted + result.unanswered()});
        truth.put(Meter.PROCESSOR_PROCESSED, exactly(topics.enriched() - start.topics().enriched()));
        truth.put(Meter.PROCESSOR_DEAD_LETTERS, exactly(topics.deadLettered() - start.topics().deadLettered()));
        truth.put(Meter.PROCESSOR_ALERTS, exactly(topics.alerts() - start.topics().alerts()));
        truth.put(Meter.SUBSCRIBER_PAYMENTS, exactly(db.payments() - start.database().payments()));
        truth.put(Meter.SUBSCRIBER_ALERTS, exactly(db.alerts() - start.database().alerts()));
        truth.put(Meter.SUBSCRIBER_ACTIVITY, exactly(db.activity() - start.database().activity()));
        truth.put(Meter.SUBSCRIBER_DEAD_LETTERS, exactly(db.deadLetters() - start.database().deadLetters()));
        List<String> summary = new ArrayList<>();
        for (Meter.Kind kind : Meter.Kind.values()) {
            CounterLedger.Mode mode = start.counters().mode(kind);
            boolean agree = true;
            for (Meter meter : Meter.values()) {
                if (meter.kind != kind || mode == CounterLedger.Mode.NOT_COMPARED) {
                    continue;
                }
                long counted = Math.round(end.counters().get(meter));
                long[] range = truth.get(meter);
                boolean ok = mode == CounterLedger.Mode.EXACT
                        ? counted >= range[0] && counted <= range[1] : counted <= range[1];
                if (!ok) {
                    agree = false;
                    problems.add("counter " + meter.name + " counted " + counted + " where " + (mode == CounterLedger.Mode.EXACT
                            ? "" : "at most ") + (range[0] == range[1] ? range[0] : range[0] + ".." + range[1])
                            + " happened (" + mode + ")");
                }
            }
            summary.add(kind.name().toLowerCase() + " " + switch (mode) {
                case EXACT -> agree ? "=" : "≠";
                case AT_MOST -> agree ? "≤" : "≰";
                case NOT_COMPARED -> "n/a";
            });
        }
        return String.join(", ", summary);
    }

    private static long[] exactly(long value) {
        return new long[] {value, value};
    }

    private List<String> openTransactions() {
        try {
            await("no transaction open").atMost(TRANSACTIONS_CLOSED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> OpenTransactions.find(bootstrap).isEmpty());
            return List.of();
        } catch (ConditionTimeoutException stillOpen) {
            return List.of("transactions open " + TRANSACTIONS_CLOSED.toSeconds() + " s after the run (LSO < LEO): "
                    + OpenTransactions.find(bootstrap));
        }
    }

    /**
     * Takes {@code snapshot} until the next one agrees with it on {@code key} (totals read first, counters after):
     * then nothing moved between the two, so the first one's counters belong to its totals.
     */
    private static <T> T stable(Supplier<T> snapshot, Function<T, Object> key) {
        T taken = snapshot.get();
        for (int attempt = 0; attempt < 60; attempt++) {
            T again = snapshot.get();
            if (key.apply(again).equals(key.apply(taken))) {
                return taken;
            }
            taken = again;
        }
        throw new IllegalStateException("the pipeline did not settle: " + key.apply(taken));
    }
}
