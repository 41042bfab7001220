package dev.paymon.systemtest.brokers;

import dev.paymon.systemtest.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few clients posting payments through the publisher's REST API (with the system tests' API key) at a paced
 * total rate, as well-behaved clients do: a 503 is retried with the same {@code paymentId} after its
 * {@code Retry-After}, until the payment is acknowledged (202) or the clients are stopped and their last retry
 * deadline has passed. Every payment tried and every one acknowledged is recorded in {@link AcknowledgedPayments}.
 * Not an open loop ({@code dev.paymon.load.LoadLoop}, as the overload tests send): a client waits for its payment's
 * acknowledgement, and the pacing permits do not pile up meanwhile, so no burst follows an outage.
 */
final class RetryingClients {

    private static final int ACCOUNTS = 12;

    private final String paymentsUrl;
    private final AcknowledgedPayments payments;
    private final int clients;
    private final Duration interval;
    private final Semaphore permits = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer =
            Executors.newSingleThreadScheduledExecutor(RetryingClients::daemon);
    private final ExecutorService clientThreads;
    private final List<CompletableFuture<Void>> clientRuns = new ArrayList<>();
    /** Set when stopping: the last retry deadline. */
    private volatile long giveUpAt;

    RetryingClients(String publisherUrl, AcknowledgedPayments payments, int clients, int paymentsPerSecond) {
        this.paymentsUrl = publisherUrl + "/api/v1/payments";
        this.payments = payments;
        this.clients = clients;
        this.interval = Duration.ofNanos(1_000_000_000L / paymentsPerSecond);
        this.clientThreads = Executors.newFixedThreadPool(clients, RetryingClients::daemon);
    }

    RetryingClients start() {
        running.set(true);
        // Paced: permits do not pile up while the clients wait, so no burst follows an outage.
        pacer.scheduleAtFixedRate(() -> {
            if (permits.availablePermits() < clients) {
                permits.release();
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        for (int i = 0; i < clients; i++) {
            int client = i;
            clientRuns.add(CompletableFuture.runAsync(() -> run(client), clientThreads));
        }
        return this;
    }

    /** Stops taking new payments; each client retries its current one for at most {@code lastRetries} more. */
    void stop(Duration lastRetries) {
        giveUpAt = System.nanoTime() + lastRetries.toNanos();
        running.set(false);
        CompletableFuture.allOf(clientRuns.toArray(CompletableFuture[]::new)).join();
        pacer.shutdownNow();
        clientThreads.shutdown();
    }

    /** 503 answers received (each retried). */
    int unavailableAnswers() {
        return unavailable.get();
    }

    /** Answers that were neither 202 nor 503, and failed calls. */
    List<String> unexpectedAnswers() {
        return List.copyOf(unexpected);
    }

    private void run(int client) {
        int sequence = 0;
        while (running.get()) {
            if (acquirePermit()) {
                String account = payments.accountPrefix() + ((client + sequence++ * clients) % ACCOUNTS);
                deliver("p-" + UUID.randomUUID(), account);
            }
        }
    }

    private boolean acquirePermit() {
        try {
            return permits.tryAcquire(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return false;
        }
    }

    /** Posts one payment until it is acknowledged, or until the clients are stopped and the deadline passes. */
    private void deliver(String paymentId, String account) {
        String json = BrokerFaults.payment(paymentId, account);
        while (running.get() || System.nanoTime() - giveUpAt < 0) {
            payments.sent(paymentId);
            Http.Answer answer;
            try {
                answer = Http.post(paymentsUrl, json);
            } catch (IllegalStateException e) {
                unexpected.add(paymentId + ": " + e.getMessage());
                pause(1);
                continue;
            }
            if (answer.status() == 202) {
                payments.acknowledged(paymentId);
                return;
            }
            if (answer.status() != 503) {
                unexpected.add(paymentId + ": " + answer.status() + " " + answer.raw().body());
                return;
            }
            unavailable.incrementAndGet();
            waitRetryAfter(answer);
        }
    }

    /** Threads that never keep the test JVM alive, should a test fail before stopping the load. */
    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "retrying-client");
        thread.setDaemon(true);
        return thread;
    }

    /** Honours the publisher's advice before trying the same payment again. */
    private static void waitRetryAfter(Http.Answer answer) {
        pause(answer.raw().headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
    }

    /** A client's back-off before a retry: part of the workload, not a wait for an outcome. */
    private static void pause(long seconds) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS)).join();
    }
}
