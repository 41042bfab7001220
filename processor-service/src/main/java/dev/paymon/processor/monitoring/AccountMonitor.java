package dev.paymon.processor.monitoring;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.processor.deadletter.RejectedRecord;
import dev.paymon.processor.deadletter.DeadLetterCause;
import dev.paymon.processor.rules.Finding;
import dev.paymon.processor.rules.FraudRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stateful heart of the pipeline, for the accounts of one task (partition): keeps each account's
 * tumbling windows, runs the fraud rules, and emits every payment (FLAGGED with its alert ids when rules
 * fired, marked {@code late} when its window had closed), the alerts and each window's final result.
 *
 * <p><b>Watermark.</b> A window {@code [start, end)} is final once {@code end + grace <= watermark}. The watermark
 * only grows, and never beyond the processor's clock: it is the highest event time the task has processed, capped at
 * the wall clock, so a client whose clock runs ahead never makes the other accounts' payments late. The wall clock
 * moves it further only on a partition that is caught up ({@link InputProgress}: everything appended to it processed
 * and committed), and only to the time it was last seen so: while records wait, windows close by event time alone,
 * so a backlog (the processor behind under load, or restarted after an outage) is worked off in event time and its
 * payments are in time for their windows.
 *
 * <p><b>Late payments lose nothing.</b> A payment whose window is already final is late. It is not added to that
 * window (whose result is emitted once), and otherwise processed like any other: enriched, checked by every rule,
 * written to {@code payments.enriched.v1} with {@code late=true}, and counted. The rules that look at history see
 * it at its event time: VELOCITY counts it in its window's count, which outlives the window's result for
 * {@code history}; IMPOSSIBLE_TRAVEL pairs it with the account's sightings around its time, kept for
 * {@code history} plus the gap; DAILY_LIMIT adds it to its day's spend, kept two days. A payment later than that is
 * checked against what is left: its own window and day count only it, and the sightings gone cannot pair.
 *
 * <p><b>Closing.</b> Each payment closes at most {@code close-per-payment} due windows, and each wall-clock check at
 * most {@code close-per-check}: the windows of all accounts become due at the same moment, and emitting them all at
 * once would hold up every payment behind them for a time that grows with the number of accounts. A due window
 * that is not yet emitted is final all the same.
 *
 * <p><b>Restarts.</b> The watermark and the windows are in changelogged stores, and a window is emitted and moved to
 * the closed windows in one exactly-once transaction: after a crash or a move to another instance the task resumes
 * with the committed watermark and windows and emits each window exactly once. (Under the explicit at-least-once
 * option there is no transaction: a replay after a crash may emit a window again, or count a payment in it twice.)
 *
 * <p>An unexpected failure while monitoring a payment dead-letters it ({@code PROCESSING_ERROR}, stage
 * {@value #MONITOR_STAGE}) instead of stopping the stream; state it changed before failing stays changed.
 */
final class AccountMonitor implements Processor<String, AccountPayment, String, Outcome> {

    static final String MONITOR_STAGE = "monitor";
    /** Accounts whose sighting countries each wall-clock check looks through for expired ones. */
    static final int COUNTRIES_SWEPT_PER_CHECK = 500;
    private static final String WATERMARK = "watermark";

    private final WindowProperties settings;
    private final FraudRules rules;
    private final MonitorEvents events;
    private final InputProgress progress;
    private ProcessorContext<String, Outcome> context;
    private int partition;
    private AccountWindows windows;
    private FraudChecks checks;
    private KeyValueStore<String, Long> watermarkStore;
    private long watermark;

    AccountMonitor(WindowProperties settings, FraudRules rules, MonitorEvents events, InputProgress progress) {
        this.settings = settings;
        this.rules = rules;
        this.events = events;
        this.progress = progress;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.windows = new AccountWindows(context.getStateStore(AccountMonitoring.WINDOWS),
                context.getStateStore(AccountMonitoring.CLOSED_WINDOWS), settings);
        this.checks = new FraudChecks(rules, context.getStateStore(AccountMonitoring.SIGHTINGS),
                context.getStateStore(AccountMonitoring.SIGHTING_COUNTRIES),
                context.getStateStore(AccountMonitoring.DAILY_SPEND),
                AccountMonitoring.sightingRetention(settings, rules));
        this.watermarkStore = context.getStateStore(AccountMonitoring.WATERMARK);
        Long stored = watermarkStore.get(WATERMARK);
        this.watermark = stored == null ? -1 : stored;
        context.schedule(settings.closeCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkWallClock);
    }

    @Override
    public void process(Record<String, AccountPayment> record) {
        AccountPayment payment = record.value();
        long eventTime = payment.eventTime();
        advanceWatermarkTo(Math.min(eventTime, context.currentSystemTimeMs()));
        closeDueWindows(settings.closePerPayment());
        boolean late = windows.isFinal(eventTime, watermark);
        List<Outcome> outcomes;
        try {
            outcomes = monitor(payment, late);
        } catch (RuntimeException failure) {
            outcomes = List.of(rejected(payment, DeadLetterReason.PROCESSING_ERROR, MONITOR_STAGE, failure.toString()));
        }
        // The output records take the payment's event time; each gets its own headers, which the sinks' serdes rewrite.
        outcomes.forEach(outcome -> context.forward(record.withValue(outcome).withTimestamp(eventTime)
                .withHeaders(new RecordHeaders(record.headers().toArray()))));
    }

    private List<Outcome> monitor(AccountPayment payment, boolean late) {
        long windowStart = windows.startOf(payment.eventTime());
        int ids = rules.velocity().idsToKeep();
        WindowAggregate window = late ? windows.addLate(payment, ids) : windows.add(payment, ids);
        List<Finding> findings = checks.check(payment, windowStart, window);
        PaymentEnriched enriched = late ? payment.payment().asLate() : payment.payment();
        List<Outcome> outcomes = new ArrayList<>();
        for (Finding finding : findings) {
            events.alertRaised(finding.rule());
            // Detected when the payment was processed; the alert id never depends on it.
            outcomes.add(new Outcome.Alert(finding.raisedAt(enriched.processedAt())));
        }
        PaymentEnriched monitored = findings.isEmpty() ? enriched
                : enriched.flagged(findings.stream().map(Finding::alertId).toList());
        outcomes.add(new Outcome.Payment(monitored));
        if (late) {
            events.latePayment();
        }
        events.paymentProcessed(monitored.status());
        return outcomes;
    }

    private void checkWallClock(long now) {
        long caughtUp = progress.caughtUpAt(partition, now);
        if (caughtUp >= 0) {
            advanceWatermarkTo(Math.min(caughtUp, now));
        }
        closeDueWindows(settings.closePerCheck());
        if (watermark >= 0) {
            checks.sweepCountries(watermark, COUNTRIES_SWEPT_PER_CHECK);
        }
    }

    /** Moves the watermark forward (never back). */
    private void advanceWatermarkTo(long time) {
        if (time <= watermark) {
            return;
        }
        watermark = time;
        watermarkStore.put(WATERMARK, watermark);
    }

    /** Emits up to {@code limit} of the windows final at the watermark (spread, so that no payment waits for all). */
    private void closeDueWindows(int limit) {
        if (watermark < 0) {
            return;
        }
        for (AccountActivity closed : windows.closeDue(watermark, limit)) {
            context.forward(new Record<>(closed.accountId(), (Outcome) new Outcome.Activity(closed),
                    closed.windowEnd().toEpochMilli(), new RecordHeaders()));
        }
    }

    private static Outcome rejected(AccountPayment payment, DeadLetterReason reason, String stage, String detail) {
        return new Outcome.DeadLettered(new RejectedRecord(payment.original(), new DeadLetterCause(reason, stage, detail)));
    }
}
