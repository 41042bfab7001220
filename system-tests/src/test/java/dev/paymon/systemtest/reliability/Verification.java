package dev.paymon.systemtest.reliability;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what came out of the pipeline (topics and database) with the {@link Expectation} recomputed from what
 * the publisher acknowledged, and counts the report's figures. Pure: no I/O.
 */
final class Verification {

    private final Workload.Result result;
    private final Expectation expected;
    private final Instant windowsDueBy;
    private final Duration grace;
    final Problems problems = new Problems();
    int delivered;
    int late;
    int deadLettered;
    int duplicates;
    final Set<String> lost = new TreeSet<>();

    /**
     * @param windowsDueBy the windows whose end plus {@code grace} is not after this must all be there (later ones may
     *                     still be open: a client whose clock runs ahead pays into the future)
     */
    Verification(Workload.Result result, Expectation expected, Instant windowsDueBy, Duration grace) {
        this.result = result;
        this.expected = expected;
        this.windowsDueBy = windowsDueBy;
        this.grace = grace;
    }

    Verification run(Outputs outputs, Projections db) {
        Set<String> sent = ids(result.sent());
        Set<String> acknowledged = ids(result.acknowledged());
        problems.unless(result.unacknowledged().entrySet(), "sent but never acknowledged (id=last problem)");

        Map<String, Long> enrichedIds = counts(outputs.enriched(), Outputs.Enriched::paymentId);
        Map<String, Long> dlqIds = counts(outputs.deadLettered(), d -> String.valueOf(d.paymentId()));
        delivered = (int) enrichedIds.keySet().stream().filter(sent::contains).count();
        late = (int) outputs.enriched().stream().filter(e -> e.event().late()).map(Outputs.Enriched::paymentId)
                .filter(sent::contains).distinct().count();
        deadLettered = (int) dlqIds.keySet().stream().filter(sent::contains).count();

        Set<String> missing = minus(acknowledged, union(enrichedIds.keySet(), dlqIds.keySet()));
        problems.unless(missing, "acknowledged but neither on payments.enriched.v1 nor on payments.dlq.v1");
        lost.addAll(missing);
        problems.unless(intersection(enrichedIds.keySet(), dlqIds.keySet()), "both enriched and dead-lettered");
        problems.unless(minus(union(enrichedIds.keySet(), dlqIds.keySet()), sent), "output of payments never sent");
        problems.unless(minus(expected.enriched().keySet(), enrichedIds.keySet()), "expected enriched, not enriched");
        problems.unless(minus(expected.deadLettered(), dlqIds.keySet()), "expected dead-lettered, not dead-lettered");
        problems.unless(outputs.deadLettered().stream()
                .filter(d -> d.headers().reason() != DeadLetterReason.UNKNOWN_FX_RATE)
                .map(d -> d.paymentId() + " " + d.headers().reason() + " (" + d.headers().detail() + ")").toList(),
                "dead-lettered for another reason than UNKNOWN_FX_RATE");
        problems.unless(outputs.subscriberDeadLettered().stream()
                .map(d -> d.source() + " " + d.headers().reason() + " (" + d.headers().detail() + ")").toList(),
                "subscriber.dlq.v1: records the subscriber could not project");

        duplicates += duplicated(enrichedIds, "payments.enriched.v1: payment ids more than once");
        duplicates += duplicated(counts(outputs.alerts(), AlertRaised::alertId), "fraud.alerts.v1: alert ids more than once");
        duplicates += duplicated(counts(outputs.activity(), a -> Expectation.windowKey(a.accountId(), a.windowStart())),
                "accounts.activity.v1: windows more than once");
        duplicates += duplicated(counts(outputs.deadLettered(), Outputs.DeadLettered::source),
                "payments.dlq.v1: input records dead-lettered more than once");

        checkOrder(outputs);
        checkEnriched(outputs);
        checkWindows(outputs.activity(), "accounts.activity.v1");
        checkAlerts(outputs.alerts().stream().map(a -> new Expectation.Alert(a.alertId(), a.accountId(), a.rule(),
                a.paymentIds())).toList(), "fraud.alerts.v1");
        checkDatabase(db, outputs);
        return this;
    }

    /** Each account's enriched payments on one partition, in offset order, in the order they were acknowledged. */
    private void checkOrder(Outputs outputs) {
        Map<String, List<String>> acknowledgedBy = result.acknowledged().stream().collect(Collectors.groupingBy(
                PlannedPayment::accountId, Collectors.mapping(PlannedPayment::paymentId, Collectors.toList())));
        Map<String, List<Outputs.Enriched>> byAccount = outputs.enriched().stream()
                .collect(Collectors.groupingBy(e -> e.event().accountId()));
        List<String> outOfOrder = new ArrayList<>();
        byAccount.forEach((account, records) -> {
            if (records.stream().map(Outputs.Enriched::partition).distinct().count() > 1) {
                outOfOrder.add(account + " on several partitions");
                return;
            }
            List<String> actual = records.stream().sorted(Comparator.comparingLong(Outputs.Enriched::offset))
                    .map(Outputs.Enriched::paymentId).distinct().toList();
            Set<String> found = new HashSet<>(actual);
            List<String> wanted = acknowledgedBy.getOrDefault(account, List.of()).stream()
                    .filter(found::contains).toList();
            if (!actual.equals(wanted)) {
                outOfOrder.add(account + " " + actual + " instead of " + wanted);
            }
        });
        problems.unless(outOfOrder, "payments.enriched.v1 not in the order of acknowledgement per account");
    }

    private void checkEnriched(Outputs outputs) {
        List<String> wrong = new ArrayList<>();
        for (Outputs.Enriched record : outputs.enriched()) {
            Expectation.Enriched want = expected.enriched().get(record.paymentId());
            var event = record.event();
            PaymentStatus status = want == null || want.alertIds().isEmpty() ? PaymentStatus.ACCEPTED : PaymentStatus.FLAGGED;
            if (want != null && (event.amountBase().compareTo(want.amountBase()) != 0
                    || !event.alertIds().equals(want.alertIds()) || event.status() != status)) {
                wrong.add(record.paymentId() + " " + event.amountBase() + " " + event.status() + " " + event.alertIds()
                        + " instead of " + want.amountBase() + " " + status + " " + want.alertIds());
            }
        }
        problems.unless(wrong, "payments.enriched.v1: amountBase, status or alertIds differ from the recomputation");
    }

    private void checkWindows(List<AccountActivity> actual, String where) {
        Map<String, AccountActivity> wanted = expected.windows().entrySet().stream()
                .filter(e -> !e.getValue().windowEnd().plus(grace).isAfter(windowsDueBy))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, AccountActivity> found = new LinkedHashMap<>();
        actual.forEach(a -> found.putIfAbsent(Expectation.windowKey(a.accountId(), a.windowStart()), a));
        problems.unless(minus(wanted.keySet(), found.keySet()), where + ": windows missing");
        problems.unless(minus(found.keySet(), expected.windows().keySet()), where + ": windows not in the recomputation");
        problems.unless(found.entrySet().stream().filter(e -> expected.windows().containsKey(e.getKey()))
                .filter(e -> !sameWindow(e.getValue(), expected.windows().get(e.getKey())))
                .map(e -> e.getValue() + " instead of " + expected.windows().get(e.getKey())).toList(),
                where + ": windows differ from the recomputation");
    }

    private void checkAlerts(List<Expectation.Alert> actual, String where) {
        Map<String, Expectation.Alert> found = new LinkedHashMap<>();
        actual.forEach(a -> found.putIfAbsent(a.alertId(), a));
        problems.unless(minus(expected.alerts().keySet(), found.keySet()), where + ": alerts missing");
        problems.unless(minus(found.keySet(), expected.alerts().keySet()), where + ": alerts not in the recomputation");
        problems.unless(found.values().stream().filter(a -> expected.alerts().containsKey(a.alertId()))
                .filter(a -> !a.equals(expected.alerts().get(a.alertId())))
                .map(a -> a + " instead of " + expected.alerts().get(a.alertId())).toList(),
                where + ": alerts differ from the recomputation");
    }

    private void checkDatabase(Projections db, Outputs outputs) {
        Set<String> rows = db.payments().stream().map(Projections.Payment::paymentId).collect(Collectors.toSet());
        Set<String> notStored = minus(expected.enriched().keySet(), rows);
        problems.unless(notStored, "database: enriched payments missing from payments");
        lost.addAll(intersection(notStored, ids(result.acknowledged())));
        problems.unless(minus(rows, expected.enriched().keySet()), "database: payments not in the recomputation");
        problems.unless(db.payments().stream().filter(p -> expected.enriched().containsKey(p.paymentId()))
                .filter(p -> {
                    Expectation.Enriched want = expected.enriched().get(p.paymentId());
                    return p.amountBase().compareTo(want.amountBase()) != 0 || !p.alertIds().equals(want.alertIds())
                            || !p.status().equals(want.alertIds().isEmpty() ? "ACCEPTED" : "FLAGGED");
                }).map(Projections.Payment::paymentId).toList(), "database: payments differ from the recomputation");
        Map<String, Boolean> lateOnTopic = new HashMap<>();
        outputs.enriched().forEach(e -> lateOnTopic.put(e.paymentId(), e.event().late()));
        problems.unless(db.payments().stream().filter(p -> lateOnTopic.containsKey(p.paymentId()))
                .filter(p -> p.late() != lateOnTopic.get(p.paymentId())).map(Projections.Payment::paymentId).toList(),
                "database: late flag differs from payments.enriched.v1");

        Map<String, List<Expectation.Enriched>> perAccount = expected.enriched().values().stream()
                .collect(Collectors.groupingBy(Expectation.Enriched::accountId));
        List<String> summaries = new ArrayList<>();
        for (Projections.Summary summary : db.summaries()) {
            List<Expectation.Enriched> payments = perAccount.getOrDefault(summary.accountId(), List.of());
            BigDecimal total = payments.stream().map(Expectation.Enriched::amountBase).reduce(BigDecimal.ZERO, BigDecimal::add);
            duplicates += (int) Math.max(0, summary.paymentCount() - payments.size());
            if (summary.paymentCount() != payments.size() || summary.totalBase().compareTo(total) != 0) {
                summaries.add(summary + " instead of " + payments.size() + " payments, " + total);
            }
        }
        problems.unless(summaries, "database: account summaries differ from the recomputation (counted twice?)");

        checkWindows(db.activity(), "database account_activity");
        checkAlerts(db.alerts().stream().map(a -> new Expectation.Alert(a.alertId(), a.accountId(),
                FraudRule.valueOf(a.rule()), a.paymentIds())).toList(), "database alerts");

        Set<String> topicPlaces = outputs.deadLettered().stream().map(d -> d.partition() + "@" + d.offset())
                .collect(Collectors.toSet());
        Set<String> dbPlaces = db.deadLetters().stream().map(d -> d.dlqPartition() + "@" + d.dlqOffset())
                .collect(Collectors.toSet());
        Set<String> deadLettersNotStored = minus(topicPlaces, dbPlaces);
        problems.unless(deadLettersNotStored, "database: dead letters (partition@offset) missing from dead_letters");
        outputs.deadLettered().stream().filter(d -> deadLettersNotStored.contains(d.partition() + "@" + d.offset()))
                .map(Outputs.DeadLettered::paymentId).filter(Objects::nonNull)
                .filter(ids(result.acknowledged())::contains).forEach(lost::add);
        problems.unless(minus(dbPlaces, topicPlaces), "database: dead_letters rows without their record");
        duplicates += duplicated(counts(db.deadLetters(), Projections.DeadLetter::source),
                "database: input records dead-lettered more than once");
    }

    private int duplicated(Map<String, Long> counts, String what) {
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        problems.unless(twice, what);
        return (int) counts.values().stream().mapToLong(n -> n - 1).sum();
    }

    private static boolean sameWindow(AccountActivity a, AccountActivity b) {
        return a.windowEnd().equals(b.windowEnd()) && a.count() == b.count()
                && a.totalBase().compareTo(b.totalBase()) == 0 && a.maxBase().compareTo(b.maxBase()) == 0;
    }

    private static Set<String> ids(Collection<PlannedPayment> payments) {
        return payments.stream().map(PlannedPayment::paymentId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static <T> Map<String, Long> counts(Collection<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.retainAll(b);
        return result;
    }
}
