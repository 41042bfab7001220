package dev.paymon.processor.monitoring;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.DeadLetterReason;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentStatus;
import dev.paymon.processor.deadletter.Rejected;
import dev.paymon.processor.deadletter.Rejection;
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
 * tumbling windows, runs the fraud rules, and emits the payment (FLAGGED with its alert ids when rules
 * fired), the alerts, each window's final result, and late payments for the dead-letter topic.
 *
 * <p><b>Closing.</b> Each payment closes at most {@code close-per-payment} due windows, and each wall-clock check at
 * most {@code close-per-check}: the windows of all accounts become due at the same moment, and emitting them all at
 * once would hold up every payment behind them for a time that grows with the number of accounts. A due window
 * that is not yet emitted is final all the same.
 *
 * <p><b>Watermark.</b> A window {@code [start, end)} is final once {@code end + grace <= watermark}. The
 * watermark only grows: it is the highest event time this task has seen, and, when the task has been
 * quiet (no payment) for a whole close-check interval, that event time plus the wall-clock time spent
 * since the task's last payment (never beyond the wall clock). So event time flows on at the wall
 * clock's pace while a partition receives no traffic, which closes its windows; but a task that is
 * catching up (after a restart, or behind under load) and happens to get no record for a moment moves
 * only by that moment, never to the wall clock, so its backlog is not declared late. A payment whose
 * window is already final is late: it goes to the DLQ ({@code LATE_EVENT}) and changes nothing, so a
 * window is never emitted twice.
 *
 * <p><b>Restarts.</b> The watermark and the open windows are in changelogged stores, and a window is
 * emitted and deleted in one exactly-once transaction: after a crash or a move to another instance the
 * task resumes with the committed watermark and windows and emits each window exactly once. (Under the explicit
 * at-least-once option there is no transaction: a replay after a crash may emit a window again, or count a payment
 * in it twice.)
 *
 * <p>An unexpected failure while monitoring a payment dead-letters it ({@code PROCESSING_ERROR}, stage
 * {@value #MONITOR_STAGE}) instead of stopping the stream; state it changed before failing stays changed.
 */
final class AccountMonitor implements Processor<String, AccountPayment, String, Outcome> {

    static final String LATE_STAGE = "window";
    static final String MONITOR_STAGE = "monitor";
    private static final String WATERMARK = "watermark";

    private final WindowProperties settings;
    private final FraudRules rules;
    private final MonitorEvents events;
    private ProcessorContext<String, Outcome> context;
    private AccountWindows windows;
    private FraudChecks checks;
    private KeyValueStore<String, Long> watermarkStore;
    private long watermark;
    // The watermark right after the last payment, and the wall-clock time it was processed (or the task started).
    private long watermarkAtLastPayment;
    private long lastPaymentWallClock;
    // True at start, so the first check after (re)start never counts as quiet.
    private boolean paymentsSinceLastCheck = true;

    AccountMonitor(WindowProperties settings, FraudRules rules, MonitorEvents events) {
        this.settings = settings;
        this.rules = rules;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.windows = new AccountWindows(context.getStateStore(AccountMonitoring.WINDOWS), settings);
        this.checks = new FraudChecks(rules, context.getStateStore(AccountMonitoring.SIGHTINGS),
                context.getStateStore(AccountMonitoring.SIGHTING_COUNTRIES),
                context.getStateStore(AccountMonitoring.DAILY_SPEND),
                AccountMonitoring.sightingRetention(settings, rules));
        this.watermarkStore = context.getStateStore(AccountMonitoring.WATERMARK);
        Long stored = watermarkStore.get(WATERMARK);
        this.watermark = stored == null ? -1 : stored;
        this.watermarkAtLastPayment = watermark;
        this.lastPaymentWallClock = context.currentSystemTimeMs();
        context.schedule(settings.closeCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkWallClock);
    }

    @Override
    public void process(Record<String, AccountPayment> record) {
        paymentsSinceLastCheck = true;
        AccountPayment payment = record.value();
        long eventTime = payment.eventTime();
        advanceWatermarkTo(eventTime);
        closeDueWindows(settings.closePerPayment());
        watermarkAtLastPayment = watermark;
        lastPaymentWallClock = context.currentSystemTimeMs();
        List<Outcome> outcomes;
        if (windows.isFinal(eventTime, watermark)) {
            events.lateEvent();
            outcomes = List.of(rejected(payment, DeadLetterReason.LATE_EVENT, LATE_STAGE, "window of "
                    + payment.payment().payment().occurredAt() + " closed at watermark " + watermark));
        } else {
            try {
                outcomes = monitor(payment);
            } catch (RuntimeException failure) {
                outcomes = List.of(rejected(payment, DeadLetterReason.PROCESSING_ERROR, MONITOR_STAGE, failure.toString()));
            }
        }
        // The output records take the payment's event time; each gets its own headers, which the sinks' serdes rewrite.
        outcomes.forEach(outcome -> context.forward(record.withValue(outcome).withTimestamp(eventTime)
                .withHeaders(new RecordHeaders(record.headers().toArray()))));
    }

    private List<Outcome> monitor(AccountPayment payment) {
        long windowStart = windows.startOf(payment.eventTime());
        WindowAggregate window = windows.add(payment, rules.velocity().idsToKeep());
        List<Finding> findings = checks.check(payment, windowStart, window);
        PaymentEnriched enriched = payment.payment();
        List<Outcome> outcomes = new ArrayList<>();
        for (Finding finding : findings) {
            events.alertRaised(finding.rule());
            // Detected when the payment was processed; the alert id never depends on it.
            outcomes.add(new Outcome.Alert(finding.raisedAt(enriched.processedAt())));
        }
        PaymentEnriched monitored = findings.isEmpty() ? enriched : new PaymentEnriched(enriched.payment(),
                enriched.amountBase(), enriched.baseCurrency(), enriched.riskTier(), PaymentStatus.FLAGGED,
                findings.stream().map(Finding::alertId).toList(), enriched.processedAt());
        outcomes.add(new Outcome.Payment(monitored));
        events.paymentProcessed(monitored.status());
        return outcomes;
    }

    private void checkWallClock(long now) {
        boolean quiet = !paymentsSinceLastCheck;
        paymentsSinceLastCheck = false;
        if (quiet && watermarkAtLastPayment >= 0) {
            long quietFor = Math.max(0, now - lastPaymentWallClock);
            advanceWatermarkTo(Math.min(now, watermarkAtLastPayment + quietFor));
        }
        closeDueWindows(settings.closePerCheck());
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
        return new Outcome.DeadLettered(new Rejected(payment.original(), new Rejection(reason, stage, detail)));
    }
}
