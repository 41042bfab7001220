package dev.paymon.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.Channel;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.PaymentStatus;
import dev.paymon.events.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The checker's verdicts on hand-made outputs: clean when topics and database hold exactly the recomputation, and
 * each kind of fault named with its ids when they do not (so a fault test can fail).
 */
class VerificationTests {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final WorkloadPlan PLAN = WorkloadPlan.build("v", T, new WorkloadPlan.Shape(1,
            Duration.ofSeconds(10), Duration.ofSeconds(5), 1, 3, 1), 6);
    private static final Workload.Result RESULT = new Workload.Result(PLAN, PLAN.payments(),
            PLAN.payments(), Map.of(), PLAN.payments().size() + 2, 0);
    private static final Expectation EXPECTED = Expectation.of(PLAN.payments(), ExpectationTests.profiles(PLAN),
            PLAN.fxRates(), Rules.FAULT_TESTS);
    /** Every window of the plan is due by then. */
    private static final Instant DUE_BY = PLAN.closingTime();

    @Test
    void theRecomputationItselfIsClean() {
        Verification verdict = verify(outputs(UnaryOperator.identity()), database(UnaryOperator.identity()));

        assertThat(verdict.problems.list()).isEmpty();
        assertThat(List.of(verdict.delivered, verdict.deadLettered, verdict.duplicates, verdict.lost.size()))
                .containsExactly(EXPECTED.enriched().size(), EXPECTED.deadLettered().size(), 0, 0);
        assertThat(EXPECTED.alerts()).isNotEmpty();
    }

    @Test
    void namesAnAcknowledgedPaymentMissingFromTopicsAndDatabaseAsLost() {
        String gone = firstEnriched();
        Verification verdict = verify(outputs(o -> new Outputs(o.enriched().stream().filter(e -> !e.paymentId()
                .equals(gone)).toList(), o.alerts(), o.activity(), o.deadLettered(), o.subscriberDeadLettered(), o.totals())),
                database(d -> new Projections(d.payments().stream().filter(p -> !p.paymentId().equals(gone)).toList(),
                        d.summaries(), d.alerts(), d.activity(), d.deadLetters(), d.totals())));

        assertThat(verdict.lost).containsExactly(gone);
        assertThat(verdict.problems.list()).anySatisfy(p -> assertThat(p).startsWith("acknowledged but neither")
                .contains(gone));
    }

    @Test
    void countsAPaymentEnrichedTwiceAndOneCountedTwiceInItsAccountSummary() {
        Verification verdict = verify(outputs(o -> {
            List<Outputs.Enriched> twice = new ArrayList<>(o.enriched());
            Outputs.Enriched first = twice.get(0);
            twice.add(new Outputs.Enriched(first.partition(), 1_000, first.event()));
            return new Outputs(twice, o.alerts(), o.activity(), o.deadLettered(), o.subscriberDeadLettered(), o.totals());
        }), database(d -> new Projections(d.payments(), d.summaries().stream().map(s -> new Projections.Summary(
                s.accountId(), s.paymentCount() + 1, s.totalBase())).limit(1).toList(), d.alerts(), d.activity(),
                d.deadLetters(), d.totals())));

        assertThat(verdict.duplicates).isEqualTo(2);
        assertThat(verdict.problems.list()).anySatisfy(p -> assertThat(p).startsWith("payments.enriched.v1: payment ids "
                + "more than once").contains(firstEnriched() + " x2"))
                .anySatisfy(p -> assertThat(p).startsWith("database: account summaries differ"));
    }

    @Test
    void namesAnAccountWhosePaymentsCameOutOfOrder() {
        Verification verdict = verify(outputs(o -> new Outputs(o.enriched().stream().map(e -> new Outputs.Enriched(
                e.partition(), -e.offset(), e.event())).toList(), o.alerts(), o.activity(), o.deadLettered(), o.subscriberDeadLettered(), o.totals())),
                database(UnaryOperator.identity()));

        assertThat(verdict.problems.list()).anySatisfy(p -> assertThat(p)
                .startsWith("payments.enriched.v1 not in the order of acknowledgement"));
    }

    @Test
    void namesAWindowAndAnAlertThatDifferFromTheRecomputation() {
        Verification verdict = verify(outputs(o -> new Outputs(o.enriched(), o.alerts().subList(1, o.alerts().size()),
                o.activity().stream().map(a -> new AccountActivity(a.accountId(), a.windowStart(), a.windowEnd(),
                        a.count() + 1, a.totalBase(), a.maxBase())).toList(), o.deadLettered(), o.subscriberDeadLettered(), o.totals())),
                database(UnaryOperator.identity()));

        assertThat(verdict.problems.list())
                .anySatisfy(p -> assertThat(p).startsWith("accounts.activity.v1: windows differ"))
                .anySatisfy(p -> assertThat(p).startsWith("fraud.alerts.v1: alerts missing"));
    }

    @Test
    void namesADeadLetterForAnotherReasonAndOneMissingFromTheDatabase() {
        Verification verdict = verify(outputs(o -> new Outputs(o.enriched(), o.alerts(), o.activity(),
                o.deadLettered().stream().map(d -> new Outputs.DeadLettered(d.partition(), d.offset(), d.key(),
                        d.paymentId(), new DeadLetter(DeadLetterReason.LATE_EVENT, "window", "late", "t", 0, 1)))
                        .toList(), o.subscriberDeadLettered(), o.totals())),
                database(d -> new Projections(d.payments(), d.summaries(), d.alerts(), d.activity(), List.of(),
                        d.totals())));

        assertThat(verdict.problems.list())
                .anySatisfy(p -> assertThat(p).startsWith("dead-lettered for another reason").contains("LATE_EVENT"))
                .anySatisfy(p -> assertThat(p).startsWith("database: dead letters (partition@offset) missing"));
        assertThat(verdict.lost).hasSize(EXPECTED.deadLettered().size());
    }

    /** A window not due yet (a client whose clock runs ahead pays into the future) need not be there. */
    @Test
    void requiresOnlyTheWindowsDueByTheCheck() {
        Verification verdict = new Verification(RESULT, EXPECTED, PLAN.start(), Rules.FAULT_TESTS.grace())
                .run(outputs(o -> new Outputs(o.enriched(), o.alerts(), List.of(), o.deadLettered(),
                        o.subscriberDeadLettered(), o.totals())), database(d -> new Projections(d.payments(),
                        d.summaries(), d.alerts(), List.of(), d.deadLetters(), d.totals())));

        assertThat(verdict.problems.list()).isEmpty();
        assertThat(verify(outputs(o -> new Outputs(o.enriched(), o.alerts(), List.of(), o.deadLettered(),
                o.subscriberDeadLettered(), o.totals())), database(UnaryOperator.identity())).problems.list())
                .anySatisfy(p -> assertThat(p).startsWith("accounts.activity.v1: windows missing"));
    }

    @Test
    void namesARecordTheSubscriberDeadLetteredAndALateFlagTheDatabaseLost() {
        String late = firstEnriched();
        Verification verdict = verify(outputs(o -> new Outputs(o.enriched().stream().map(e -> !e.paymentId().equals(late)
                ? e : new Outputs.Enriched(e.partition(), e.offset(), new Outputs.Payment(e.paymentId(),
                e.event().accountId(), e.event().amountBase(), e.event().status(), e.event().alertIds(), null, true)))
                .toList(), o.alerts(), o.activity(), o.deadLettered(), List.of(new Outputs.DeadLettered(0, 0, "a", late,
                new DeadLetter(DeadLetterReason.PROCESSING_ERROR, "project", "boom", "payments.enriched.v1", 0, 3))),
                o.totals())), database(UnaryOperator.identity()));

        assertThat(verdict.late).isEqualTo(1);
        assertThat(verdict.problems.list())
                .anySatisfy(p -> assertThat(p).startsWith("subscriber.dlq.v1").contains("payments.enriched.v1-0@3"))
                .anySatisfy(p -> assertThat(p).startsWith("database: late flag differs").contains(late));
    }

    private static Verification verify(Outputs outputs, Projections database) {
        return new Verification(RESULT, EXPECTED, DUE_BY, Rules.FAULT_TESTS.grace()).run(outputs, database);
    }

    private static String firstEnriched() {
        return EXPECTED.enriched().keySet().iterator().next();
    }

    /** The topics as a faultless pipeline leaves them, changed by {@code change}. */
    private static Outputs outputs(UnaryOperator<Outputs> change) {
        List<Outputs.Enriched> enriched = new ArrayList<>();
        List<Outputs.DeadLettered> dead = new ArrayList<>();
        for (PlannedPayment p : PLAN.payments()) {
            PaymentInitiated initiated = new PaymentInitiated(p.paymentId(), p.accountId(), p.amount(), p.currency(),
                    "m", "5411", p.country(), Channel.CARD_PRESENT, p.occurredAt());
            Expectation.Enriched want = EXPECTED.enriched().get(p.paymentId());
            if (want == null) {
                dead.add(new Outputs.DeadLettered(0, dead.size(), p.accountId(), p.paymentId(), new DeadLetter(
                        DeadLetterReason.UNKNOWN_FX_RATE, "enrich", "no rate", "payments.initiated.v1", 0, dead.size())));
                continue;
            }
            enriched.add(new Outputs.Enriched(0, enriched.size(), Outputs.Payment.of(new PaymentEnriched(initiated,
                    want.amountBase(), "EUR", null, want.alertIds().isEmpty() ? PaymentStatus.ACCEPTED
                    : PaymentStatus.FLAGGED, want.alertIds(), T, false))));
        }
        List<AlertRaised> alerts = EXPECTED.alerts().values().stream().map(a -> new AlertRaised(a.alertId(),
                a.accountId(), a.rule(), Severity.HIGH, a.paymentIds(), T)).toList();
        return change.apply(new Outputs(enriched, alerts, List.copyOf(EXPECTED.windows().values()), dead, List.of(),
                new Outputs.Totals(0, 0, 0, 0)));
    }

    /** The database as a faultless subscriber leaves it, changed by {@code change}. */
    private static Projections database(UnaryOperator<Projections> change) {
        List<Projections.Payment> payments = EXPECTED.enriched().values().stream().map(e -> new Projections.Payment(
                e.paymentId(), e.accountId(), e.amountBase(), e.alertIds().isEmpty() ? "ACCEPTED" : "FLAGGED",
                e.alertIds(), false)).toList();
        List<Projections.Summary> summaries = PLAN.accounts().stream().map(PlannedAccount::accountId)
                .map(account -> new Projections.Summary(account,
                        payments.stream().filter(p -> p.accountId().equals(account)).count(),
                        payments.stream().filter(p -> p.accountId().equals(account)).map(Projections.Payment::amountBase)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)))
                .filter(s -> s.paymentCount() > 0).toList();
        List<Projections.Alert> alerts = EXPECTED.alerts().values().stream().map(a -> new Projections.Alert(a.alertId(),
                a.accountId(), a.rule().name(), a.paymentIds())).toList();
        Outputs topics = outputs(UnaryOperator.identity());
        List<Projections.DeadLetter> dead = topics.deadLettered().stream().map(d -> new Projections.DeadLetter(
                d.partition(), d.offset(), "UNKNOWN_FX_RATE", d.source(), d.key())).toList();
        return change.apply(new Projections(payments, summaries, alerts, List.copyOf(EXPECTED.windows().values()),
                dead, new Projections.Totals(0, 0, 0, 0)));
    }
}
