package dev.paymon.systemtest.reliability;

import dev.paymon.systemtest.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a {@link WorkloadPlan} through the publisher's REST API at a steady rate: one client thread per sender, each
 * sending its payments one after the other at {@code start + (occurredAt - plan start)} of wall time, so event time
 * leads wall time by a constant. A payment is retried with the same body, so the same {@code paymentId}, after a
 * 429, a 5xx, a timeout or a refused connection, until the publisher answers 202 or {@link #GIVE_UP} passes; every
 * 202 is recorded in order. When all senders are done, {@link #finish(Duration)} sends the flush payments: one per
 * partition at the plan's {@linkplain WorkloadPlan#closingTime() closing time}, after every other payment of that
 * partition, which makes every window of the plan final without waiting for the wall clock.
 */
final class Workload {

    static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final Duration BACK_OFF = Duration.ofMillis(250);

    private final String paymentsUrl;
    private final WorkloadPlan plan;
    private final List<PlannedPayment> flush;
    private final ExecutorService senders;
    private final List<Future<?>> running = new ArrayList<>();
    private final List<PlannedPayment> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> unacknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final Object pacing = new Object();
    private volatile boolean stopped;
    private Instant origin;

    /**
     * What was sent and what the publisher acknowledged.
     *
     * @param sent           every payment sent, flush payments last
     * @param acknowledged   every payment answered 202, in the order of the answers (each account's in its own order)
     * @param unacknowledged payments never answered 202, with the last problem seen
     * @param attempts       HTTP requests sent, retries included
     * @param unanswered     requests that got no answer (refused, reset, timed out): the publisher may have
     *                       published and counted some of them before the client retried
     */
    record Result(WorkloadPlan plan, List<PlannedPayment> flush, List<PlannedPayment> sent,
                  List<PlannedPayment> acknowledged, Map<String, String> unacknowledged, int attempts,
                  int unanswered) {

        int retries() {
            return attempts - sent.size();
        }
    }

    Workload(String publisherUrl, WorkloadPlan plan) {
        this.paymentsUrl = publisherUrl + "/api/v1/payments";
        this.plan = plan;
        this.flush = flushPayments(plan);
        this.senders = Executors.newFixedThreadPool(plan.shape().senders());
    }

    /** One EUR payment per partition at the closing time, on accounts of their own ("-f" accounts). */
    static List<PlannedPayment> flushPayments(WorkloadPlan plan) {
        List<PlannedPayment> flush = new ArrayList<>();
        for (int partition = 0; partition < plan.partitions(); partition++) {
            String account = KeyPartitions.nameOn(plan.run() + "-f", partition, plan.partitions(), 0);
            flush.add(new PlannedPayment(plan.run() + "-flush-" + partition, account, new BigDecimal("1.00"), "EUR",
                    WorkloadPlan.HOME, plan.closingTime(), partition % plan.shape().senders()));
        }
        return List.copyOf(flush);
    }

    Workload start() {
        origin = Instant.now();
        for (int sender = 0; sender < plan.shape().senders(); sender++) {
            int mine = sender;
            List<PlannedPayment> payments = plan.payments().stream().filter(p -> p.sender() == mine).toList();
            running.add(senders.submit(() -> payments.forEach(this::sendOnTime)));
        }
        return this;
    }

    /** Payments of the plan (flush payments not included). */
    int planned() {
        return plan.payments().size();
    }

    /** Payments acknowledged so far (flush payments included). */
    int acknowledgedCount() {
        return acknowledged.size();
    }

    boolean sending() {
        return running.stream().anyMatch(future -> !future.isDone());
    }

    /** Waits for the senders, then sends the flush payments and returns what happened. */
    Result finish(Duration timeout) {
        try {
            for (Future<?> sender : running) {
                sender.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            flush.forEach(this::send);
            List<PlannedPayment> sent = new ArrayList<>(plan.payments());
            sent.addAll(flush);
            return new Result(plan, flush, List.copyOf(sent), List.copyOf(acknowledged), Map.copyOf(unacknowledged),
                    attempts.get(), unanswered.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sender failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the senders did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            stop();
        }
    }

    /** Stops sending (a failed test): senders give up at their next wait. */
    void stop() {
        stopped = true;
        synchronized (pacing) {
            pacing.notifyAll();
        }
        senders.shutdownNow();
    }

    private void sendOnTime(PlannedPayment payment) {
        waitUntil(origin.plus(Duration.between(plan.start(), payment.occurredAt())));
        if (stopped) {
            unacknowledged.put(payment.paymentId(), "not sent: the workload was stopped");
            return;
        }
        send(payment);
    }

    private void send(PlannedPayment payment) {
        Instant giveUp = Instant.now().plus(GIVE_UP);
        String json = payment.json();
        String problem;
        do {
            attempts.incrementAndGet();
            try {
                Http.Answer answer = Http.post(paymentsUrl, json);
                if (answer.status() == 202) {
                    acknowledged.add(payment);
                    return;
                }
                problem = answer.status() + " " + answer.body();
                if (answer.status() != 429 && answer.status() < 500) {
                    break;
                }
            } catch (IllegalStateException unreachable) {
                unanswered.incrementAndGet();
                problem = unreachable.getMessage();
            }
            waitUntil(Instant.now().plus(BACK_OFF));
        } while (!stopped && Instant.now().isBefore(giveUp));
        unacknowledged.put(payment.paymentId(), problem);
    }

    /** Paces the senders; returns early only when stopped. */
    private void waitUntil(Instant time) {
        synchronized (pacing) {
            long millis;
            while (!stopped && (millis = Duration.between(Instant.now(), time).toMillis()) > 0) {
                try {
                    pacing.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
