package dev.paymon.systemtest.reliability;

import dev.paymon.systemtest.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
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
 * Sends a {@link WorkloadPlan} through the publisher's REST API as real clients do: one client thread per sender, each
 * sending its payments one after the other, each when its time comes by the wall clock ({@link PlannedPayment#sendAt},
 * its {@code occurredAt} unless the client's clock runs ahead), so event time never leads the wall clock. A payment
 * that gets a 429, a 5xx, a timeout or a refused connection is sent again with the same body (same {@code paymentId},
 * its own {@code occurredAt}), until the publisher answers 202 or {@link #GIVE_UP} passes: at once and again
 * ({@link Retries#AT_ONCE}), or after the next payments, as a client that queues what failed and goes on
 * ({@link Retries#LATER}). Every 202 is recorded in order; a sender's payments are acknowledged in the order it sent
 * them, so each account's in that order.
 */
final class Workload {

    static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final Duration BACK_OFF = Duration.ofMillis(250);

    /** How a client sends again what the publisher did not take. */
    enum Retries {
        /** Again and again until it is taken, the next payments waiting meanwhile. */
        AT_ONCE,
        /** Queued: the client goes on with its next payments and sends one queued payment after each one taken. */
        LATER
    }

    private final String paymentsUrl;
    private final WorkloadPlan plan;
    private final Retries retries;
    private final Duration giveUp;
    private final ExecutorService senders;
    private final List<Future<?>> running = new ArrayList<>();
    private final List<PlannedPayment> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> unacknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Object pacing = new Object();
    private volatile boolean stopped;

    /**
     * What was sent and what the publisher acknowledged.
     *
     * @param sent           every payment sent
     * @param acknowledged   every payment answered 202, in the order of the answers (each account's in its own order)
     * @param unacknowledged payments never answered 202, with the last problem seen
     * @param attempts       HTTP requests sent, retries included
     * @param unanswered     requests that got no answer (refused, reset, timed out): the publisher may have
     *                       published and counted some of them before the client retried
     */
    record Result(WorkloadPlan plan, List<PlannedPayment> sent, List<PlannedPayment> acknowledged,
                  Map<String, String> unacknowledged, int attempts, int unanswered) {

        int retries() {
            return attempts - sent.size();
        }
    }

    Workload(String publisherUrl, WorkloadPlan plan) {
        this(publisherUrl, plan, Retries.AT_ONCE, GIVE_UP);
    }

    Workload(String publisherUrl, WorkloadPlan plan, Retries retries, Duration giveUp) {
        this.paymentsUrl = publisherUrl + "/api/v1/payments";
        this.plan = plan;
        this.retries = retries;
        this.giveUp = giveUp;
        this.senders = Executors.newFixedThreadPool(plan.shape().senders());
    }

    Workload start() {
        for (int sender = 0; sender < plan.shape().senders(); sender++) {
            int mine = sender;
            List<PlannedPayment> payments = plan.payments().stream().filter(p -> p.sender() == mine)
                    .sorted((a, b) -> a.sendAt().compareTo(b.sendAt())).toList();
            running.add(senders.submit(() -> send(payments)));
        }
        return this;
    }

    /** Payments of the plan. */
    int planned() {
        return plan.payments().size();
    }

    /** Payments acknowledged so far. */
    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Answers other than 202 so far (503 while the broker is away, for one). */
    int refusedCount() {
        return refused.get();
    }

    boolean sending() {
        return running.stream().anyMatch(future -> !future.isDone());
    }

    /** Waits for the senders and returns what happened. */
    Result finish(Duration timeout) {
        try {
            for (Future<?> sender : running) {
                sender.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Result(plan, plan.payments(), List.copyOf(acknowledged), Map.copyOf(unacknowledged),
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

    private void send(List<PlannedPayment> payments) {
        Deque<PlannedPayment> queued = new ArrayDeque<>();
        Map<String, Instant> firstSent = new HashMap<>();
        for (PlannedPayment payment : payments) {
            waitUntil(payment.sendAt());
            if (stopped) {
                unacknowledged.put(payment.paymentId(), "not sent: the workload was stopped");
                continue;
            }
            if (retries == Retries.AT_ONCE) {
                sendUntilTaken(payment, Instant.now().plus(giveUp));
                continue;
            }
            firstSent.put(payment.paymentId(), Instant.now());
            String problem = attempt(payment);
            if (problem != null && problem.startsWith("final ")) {
                unacknowledged.put(payment.paymentId(), problem);
            } else if (problem != null) {
                queued.add(payment);
            } else if (!queued.isEmpty()) {
                // Taken: the broker is there; one queued payment goes after it, with its own (older) time.
                PlannedPayment again = queued.poll();
                if (attempt(again) != null) {
                    queued.addFirst(again);
                }
            }
        }
        while (!queued.isEmpty() && !stopped) {
            PlannedPayment again = queued.poll();
            Instant deadline = firstSent.get(again.paymentId()).plus(giveUp);
            sendUntilTaken(again, deadline.isAfter(Instant.now()) ? deadline : Instant.now());
        }
        queued.forEach(payment -> unacknowledged.put(payment.paymentId(), "not sent again: the workload was stopped"));
    }

    private void sendUntilTaken(PlannedPayment payment, Instant deadline) {
        String problem;
        do {
            problem = attempt(payment);
            if (problem == null || problem.startsWith("final ")) {
                break;
            }
            waitUntil(Instant.now().plus(BACK_OFF));
        } while (!stopped && Instant.now().isBefore(deadline));
        if (problem != null) {
            unacknowledged.put(payment.paymentId(), problem);
        }
    }

    /** One request; null when the publisher took the payment, else the problem ({@code final ...}: no retry helps). */
    private String attempt(PlannedPayment payment) {
        attempts.incrementAndGet();
        try {
            Http.Answer answer = Http.post(paymentsUrl, payment.json());
            if (answer.status() == 202) {
                acknowledged.add(payment);
                unacknowledged.remove(payment.paymentId());
                return null;
            }
            refused.incrementAndGet();
            String problem = answer.status() + " " + answer.body();
            return answer.status() != 429 && answer.status() < 500 ? "final " + problem : problem;
        } catch (IllegalStateException unreachable) {
            unanswered.incrementAndGet();
            return unreachable.getMessage();
        }
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
