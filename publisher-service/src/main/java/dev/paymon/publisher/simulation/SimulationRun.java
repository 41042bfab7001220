package dev.paymon.publisher.simulation;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import dev.paymon.publisher.kafka.Delivery;
import dev.paymon.publisher.kafka.EventPublisher;
import dev.paymon.publisher.simulation.SimulationStatus.PatternCounts;
import dev.paymon.publisher.simulation.SimulationStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation, driven by fixed-rate ticks of a shared scheduler (never an HTTP thread). The first tick
 * publishes the account profiles and FX rates; each later tick sends the payments that are due as one batch
 * through the publisher's {@link EventPublisher} and waits for the broker's acknowledgements ({@code acks=all}).
 * Sends Kafka refuses are counted as failed, the simulation goes on; each distinct error is logged once.
 */
final class SimulationRun {

    private static final Logger log = LoggerFactory.getLogger(SimulationRun.class);
    private static final int MAX_LOGGED_ERRORS = 100;

    /** What a simulation needs from the service around it. */
    record Context(EventPublisher events, Clock clock, SimulationMetrics metrics, String baseCurrency,
                   int setupBatch) {
    }

    private final String id;
    private final SimulationSettings settings;
    private final Context context;
    private final PaymentGenerator generator;
    private final Instant startedAt;
    private final long startNanos;
    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicLongArray sent = new AtomicLongArray(Pattern.values().length);
    private final AtomicLong failed = new AtomicLong();
    private final Set<String> loggedErrors = ConcurrentHashMap.newKeySet();
    private volatile State state = State.RUNNING;
    private volatile String lastError;
    private Instant stoppedAt;
    private ScheduledFuture<?> schedule;
    private SendBudget budget;
    private long generated;

    SimulationRun(String id, SimulationSettings settings, Context context) {
        this.id = id;
        this.settings = settings;
        this.context = context;
        this.generator = new PaymentGenerator(settings);
        this.startedAt = context.clock().instant();
        this.startNanos = System.nanoTime();
    }

    String id() {
        return id;
    }

    boolean isRunning() {
        return state == State.RUNNING;
    }

    synchronized void scheduleOn(ScheduledExecutorService scheduler, Duration tick) {
        schedule = scheduler.scheduleAtFixedRate(this::tick, 0, tick.toNanos(), NANOSECONDS);
        if (state != State.RUNNING) {
            schedule.cancel(false);
        }
    }

    /** Stops sending and waits (at most {@code wait}) for a batch in flight, so the status is final. */
    SimulationStatus stop(Duration wait) {
        boolean stopped = finish(State.STOPPED);
        try {
            if (sending.tryLock(wait.toNanos(), NANOSECONDS)) {
                sending.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SimulationStatus status = status();
        if (stopped) {
            logEnd(status);
        }
        return status;
    }

    synchronized SimulationStatus status() {
        return new SimulationStatus(id, state, startedAt, stoppedAt, settings,
                sent(Pattern.NORMAL) + sent(Pattern.LARGE_AMOUNT) + sent(Pattern.BURST) + sent(Pattern.COUNTRY_HOP),
                failed.get(), new PatternCounts(sent(Pattern.NORMAL), sent(Pattern.LARGE_AMOUNT), sent(Pattern.BURST),
                sent(Pattern.COUNTRY_HOP)), lastError);
    }

    private void tick() {
        sending.lock();
        try {
            if (state != State.RUNNING) {
                return;
            }
            if (budget == null) {
                setUp();
                return;
            }
            if (durationOver()) {
                finish(State.COMPLETED);
                return;
            }
            sendDuePayments();
            if (settings.maxPayments() != null && generated >= settings.maxPayments()) {
                finish(State.COMPLETED);
            }
        } catch (RuntimeException e) {
            // A bug rather than Kafka (whose failures arrive as deliveries): end visibly instead of letting the
            // scheduler drop the task silently.
            log.error("Simulation {} failed", id, e);
            lastError = e.toString();
            finish(State.FAILED);
        } finally {
            sending.unlock();
        }
    }

    /** Reference data first, through Kafka like the REST endpoints: without it the payments would not be rated. */
    private void setUp() {
        String failure = new ReferenceDataSetup(context.events(), context.setupBatch())
                .publish(generator, context.baseCurrency(), context.clock().instant());
        if (failure != null) {
            error(failure);
            finish(State.FAILED);
            return;
        }
        budget = new SendBudget(settings.ratePerSecond(), System.nanoTime());
    }

    private void sendDuePayments() {
        int due = budget.due(System.nanoTime());
        List<PaymentInitiated> payments = new ArrayList<>(due);
        List<Pattern> patterns = new ArrayList<>(due);
        Instant now = context.clock().instant();
        while (payments.size() < due && room(payments.size()) > 0) {
            // Groups are sent whole (a burst must not straddle ticks), so the budget may be overdrawn.
            PaymentGroup group = generator.next(now).first((int) Math.min(Integer.MAX_VALUE, room(payments.size())));
            payments.addAll(group.payments());
            group.payments().forEach(payment -> patterns.add(group.pattern()));
        }
        if (payments.isEmpty()) {
            return;
        }
        budget.spent(payments.size());
        generated += payments.size();
        List<Delivery> deliveries = context.events().publishAll(Topics.PAYMENTS_INITIATED,
                PaymentInitiated::accountId, payments, true).join();
        long[] acknowledged = new long[Pattern.values().length];
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).delivered()) {
                acknowledged[patterns.get(i).ordinal()]++;
            } else {
                failed.incrementAndGet();
                error(deliveries.get(i).failure());
            }
        }
        for (Pattern pattern : Pattern.values()) {
            sent.addAndGet(pattern.ordinal(), acknowledged[pattern.ordinal()]);
            context.metrics().sent(pattern, acknowledged[pattern.ordinal()]);
        }
    }

    private long room(int pending) {
        return settings.maxPayments() == null ? Long.MAX_VALUE : settings.maxPayments() - generated - pending;
    }

    private boolean durationOver() {
        return settings.durationSeconds() != null
                && System.nanoTime() - startNanos >= Duration.ofSeconds(settings.durationSeconds()).toNanos();
    }

    private void error(String message) {
        lastError = message;
        if (loggedErrors.size() < MAX_LOGGED_ERRORS && loggedErrors.add(message)) {
            log.warn("Simulation {}: {} (logged once; the status counts every failure)", id, message);
        }
    }

    /** Ends the simulation unless it has ended already; {@code false} then. */
    private synchronized boolean finish(State end) {
        if (state != State.RUNNING) {
            return false;
        }
        state = end;
        stoppedAt = context.clock().instant();
        if (schedule != null) {
            schedule.cancel(false);
        }
        if (end != State.STOPPED) {
            // Called from the tick itself, nothing is in flight: the counts are final. stop() logs after waiting.
            logEnd(status());
        }
        return true;
    }

    private static void logEnd(SimulationStatus status) {
        log.info("Simulation {} {}: {} payments sent, {} failed", status.id(),
                status.state().name().toLowerCase(Locale.ROOT), status.sent(), status.failed());
    }

    private long sent(Pattern pattern) {
        return sent.get(pattern.ordinal());
    }
}
