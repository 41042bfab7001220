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
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checks a workload's run end to end. {@link #begin} takes the services' counters and the output topics' end offsets
 * at the start; {@link #check} waits until the pipeline has caught up (or its time passes), reads what the output
 * topics got since the start ({@code read_committed}) and the subscriber's tables, and verifies: nothing acknowledged
 * lost (on {@code payments.enriched.v1} or the DLQ, and in the database); nothing twice (by event id on the topics and
 * in the database); each account's payments in the order they were acknowledged; windows and alerts equal to a
 * recomputation from the acknowledged input (late payments, by the pipeline's own flags, in no window); nothing in the
 * subscriber's dead-letter topic; no transaction left open on any partition; input = enriched + dead-lettered; and the
 * services' counters agreeing.
 */
final class Checker {

    /** How long the pipeline may take, by default, to catch up after the last payment was acknowledged. */
    static final Duration CAUGHT_UP = Duration.ofMinutes(2);
    private static final Duration TRANSACTIONS_CLOSED = Duration.ofSeconds(30);
    /** A window due this long before the check must be there: the wall clock closes it within a check interval. */
    private static final Duration DUE_MARGIN = Duration.ofSeconds(3);

    private final String bootstrap;
    private final TestPostgres.Database database;
    private final Rules rules;

    Checker(String bootstrap, TestPostgres.Database database, Rules rules) {
        this.bootstrap = bootstrap;
        this.database = database;
        this.rules = rules;
    }

    /**
     * What the start of a workload looked like: the counters, the output topics' end offsets (the run's records come
     * after them) and the database's totals.
     */
    record Start(CounterLedger counters, Map<TopicPartition, Long> outputs, Projections.Totals database) {
    }

    /**
     * Reads the counters of the running services once nothing is moving: topics, tables and counters the same in the
     * next reading (a counter is incremented just after its commit, so the counters too must have settled).
     */
    Start begin(Map<Meter.Kind, List<Service>> running) {
        return stable(() -> {
            Map<TopicPartition, Long> outputs = Outputs.ends(bootstrap);
            Projections.Totals tables = Projections.read(database, Set.of()).totals();
            return new Start(new CounterLedger(running), outputs, tables);
        }, start -> List.of(start.outputs(), start.database(), start.counters().startReadings()));
    }

    FaultReport check(String fault, Workload.Result result, Start start, Map<Meter.Kind, List<Service>> running,
                      Instant began, List<String> notes) {
        return check(fault, result, start, running, began, notes, CAUGHT_UP);
    }

    /**
     * @param began     when the test began, for its duration
     * @param notes     how the run went, for the report
     * @param caughtUp  how long the pipeline may take to catch up after the last acknowledgement
     */
    FaultReport check(String fault, Workload.Result result, Start start, Map<Meter.Kind, List<Service>> running,
                      Instant began, List<String> notes, Duration caughtUp) {
        Map<String, PlannedAccount.Profile> profiles = new HashMap<>();
        result.plan().accounts().stream().filter(a -> a.profile() != null)
                .forEach(a -> profiles.put(a.accountId(), a.profile()));
        Set<String> accounts = result.sent().stream().map(PlannedPayment::accountId).collect(Collectors.toSet());

        Instant caughtUpAt = awaitCaughtUp(result, profiles, accounts, start, caughtUp);
        notes.add("caught up " + (caughtUpAt == null ? "not within " + caughtUp : "after " + seconds(began)));
        Snapshot end = stable(() -> new Snapshot(Outputs.read(bootstrap, accounts, start.outputs()),
                Projections.read(database, accounts), start.counters().finish(running)),
                s -> List.of(s.outputs().totals(), s.db().totals(), s.counters()));
        Expectation expected = expectation(result, profiles, end.outputs());
        Instant dueBy = Instant.now().minus(DUE_MARGIN);
        Verification verification = new Verification(result, expected, dueBy, rules.grace())
                .run(end.outputs(), end.db());
        List<String> problems = new ArrayList<>(verification.problems.list());
        String counters = compareCounters(result, start, end, problems);
        problems.addAll(openTransactions());
        return new FaultReport(fault, result.sent().size(), result.acknowledged().size(), verification.delivered,
                verification.late, verification.deadLettered, verification.duplicates, verification.lost.size(),
                result.retries(), counters, Duration.between(began, Instant.now()), problems, List.copyOf(notes));
    }

    private record Snapshot(Outputs outputs, Projections db, Map<Meter, Double> counters) {
    }

    private Expectation expectation(Workload.Result result, Map<String, PlannedAccount.Profile> profiles,
                                    Outputs outputs) {
        Set<String> late = outputs.enriched().stream().filter(e -> e.event().late()).map(Outputs.Enriched::paymentId)
                .collect(Collectors.toSet());
        return Expectation.of(result.acknowledged(), profiles, result.plan().fxRates(), rules, late);
    }

    /** When everything expected (windows already due included) was on the topics and in the tables; null if never. */
    private Instant awaitCaughtUp(Workload.Result result, Map<String, PlannedAccount.Profile> profiles,
                                  Set<String> accounts, Start start, Duration caughtUp) {
        Set<String> acknowledged = result.acknowledged().stream().map(PlannedPayment::paymentId)
                .collect(Collectors.toSet());
        try {
            await("the pipeline catches up").atMost(caughtUp).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Outputs outputs = Outputs.read(bootstrap, accounts, start.outputs());
                Set<String> out = new HashSet<>();
                outputs.enriched().forEach(e -> out.add(e.paymentId()));
                outputs.deadLettered().forEach(d -> out.add(d.paymentId()));
                if (!out.containsAll(acknowledged)) {
                    return false;
                }
                Expectation expected = expectation(result, profiles, outputs);
                Instant dueBy = Instant.now().minus(DUE_MARGIN);
                long windows = expected.windows().values().stream()
                        .filter(w -> !w.windowEnd().plus(rules.grace()).isAfter(dueBy)).count();
                if (outputs.activity().size() < windows || outputs.alerts().size() < expected.alerts().size()) {
                    return false;
                }
                Projections db = Projections.read(database, accounts);
                return db.payments().size() >= expected.enriched().size() && db.alerts().size() >= expected.alerts().size()
                        && db.activity().size() >= windows && db.deadLetters().size() >= outputs.deadLettered().size();
            });
            return Instant.now();
        } catch (ConditionTimeoutException notCaughtUp) {
            // Not a verdict by itself: the verification below names what is missing.
            return null;
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
        truth.put(Meter.PROCESSOR_PROCESSED, exactly(topics.enriched()));
        truth.put(Meter.PROCESSOR_DEAD_LETTERS, exactly(topics.deadLettered()));
        truth.put(Meter.PROCESSOR_ALERTS, exactly(topics.alerts()));
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

    private static String seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds() + " s";
    }

    /**
     * Takes {@code snapshot} until the next one agrees with it on {@code key} (totals read first, counters after):
     * then nothing moved between the two, so the first one's counters belong to its totals. (Read the other way
     * round, a commit between the two reads would be in the totals and not in the counters: a run's counters at the
     * end would then exceed what its tables got.)
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
