package dev.paymon.systemtest.reliability;

import dev.paymon.events.Topics;
import dev.paymon.systemtest.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * A burst far above what the pipeline sustains, as clients send one when they all come at once: payments stamped when
 * they are sent (at the wall clock), in batches through {@code POST /api/v1/payments/batch}, for {@code length}, at
 * {@code factor} times the rate at which the processor works through its input meanwhile (its group's committed
 * offsets over the last {@value #RATE_WINDOW_SECONDS} s, read every {@value #ADJUST_EVERY_SECONDS} s). A batch answered
 * 429, 5xx or not at all, or an item rejected, is sent again with the same payments. Each sender owns whole partitions
 * and waits for each answer before the next batch, so every account's payments are acknowledged in the order sent.
 */
final class Burst {

    static final long RATE_WINDOW_SECONDS = 10;
    static final long ADJUST_EVERY_SECONDS = 2;
    private static final int BATCH = 50;

    /** What the burst offered and what the processor did, every few seconds, for the report. */
    record Sample(long second, double offered, double processed) {
    }

    /** The run's payments and answers, as the checker takes them, and how the rates went. */
    record Outcome(Workload.Result result, List<Sample> samples) {

        /** The processor's mean rate over the burst, from its committed offsets. */
        double processedRate() {
            return samples.stream().skip(samples.size() / 4).mapToDouble(Sample::processed).average().orElse(0);
        }

        double offeredRate() {
            return samples.stream().skip(samples.size() / 4).mapToDouble(Sample::offered).average().orElse(0);
        }
    }

    private final String batchUrl;
    private final String bootstrap;
    private final String processorGroup;
    private final WorkloadPlan plan;
    private final double factor;
    private final Duration length;
    private final double initialRate;
    private final List<PlannedPayment> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<PlannedPayment> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> unacknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile double rate;
    private volatile boolean stopped;

    /**
     * @param plan        the accounts (its payments are not used), each sender owning whole partitions
     * @param initialRate payments per second until the first measurement
     */
    Burst(String publisherUrl, String bootstrap, String processorGroup, WorkloadPlan plan, double factor,
          Duration length, double initialRate) {
        this.batchUrl = publisherUrl + "/api/v1/payments/batch";
        this.bootstrap = bootstrap;
        this.processorGroup = processorGroup;
        this.plan = plan;
        this.factor = factor;
        this.length = length;
        this.initialRate = initialRate;
    }

    Outcome run() {
        rate = initialRate;
        Instant end = Instant.now().plus(length);
        int senders = plan.shape().senders();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> running = new ArrayList<>();
        for (int sender = 0; sender < senders; sender++) {
            int mine = sender;
            List<PlannedAccount> accounts = plan.accounts().stream().filter(a -> a.sender() == mine).toList();
            running.add(pool.submit(() -> send(mine, accounts, end)));
        }
        List<Sample> samples = adjust(end);
        try {
            for (Future<?> sender : running) {
                sender.get(length.toMillis() + Workload.GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sender failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the burst's senders did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            stopped = true;
            pool.shutdownNow();
        }
        WorkloadPlan withPayments = new WorkloadPlan(plan.run(), plan.start(), plan.shape(), plan.partitions(),
                plan.accounts(), List.copyOf(sent), plan.fxRates());
        return new Outcome(new Workload.Result(withPayments, List.copyOf(sent), List.copyOf(acknowledged),
                Map.copyOf(unacknowledged), attempts.get(), unanswered.get()), List.copyOf(samples));
    }

    /** Every few seconds until {@code end}: the offered rate follows {@code factor} times the processor's. */
    private List<Sample> adjust(Instant end) {
        List<Sample> samples = new ArrayList<>();
        List<long[]> readings = new ArrayList<>();
        Instant began = Instant.now();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (Instant.now().isBefore(end)) {
                long now = System.nanoTime();
                readings.add(new long[] {now, committed(admin)});
                readings.removeIf(r -> now - r[0] > TimeUnit.SECONDS.toNanos(RATE_WINDOW_SECONDS));
                long[] oldest = readings.get(0);
                double seconds = (now - oldest[0]) / 1e9;
                if (seconds >= RATE_WINDOW_SECONDS / 2.0) {
                    double processed = (readings.get(readings.size() - 1)[1] - oldest[1]) / seconds;
                    // Never below the initial rate: a processor that stalls for a moment must not end the burst.
                    rate = Math.max(initialRate, factor * processed);
                    samples.add(new Sample(Duration.between(began, Instant.now()).toSeconds(), rate, processed));
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(ADJUST_EVERY_SECONDS));
            }
        }
        return samples;
    }

    private long committed(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(processorGroup).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.PAYMENTS_INITIATED.name()))
                    .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the processor's committed offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(int sender, List<PlannedAccount> accounts, Instant end) {
        Random random = new Random(sender);
        long next = System.nanoTime();
        int n = 0;
        while (!stopped && Instant.now().isBefore(end)) {
            LockSupport.parkNanos(next - System.nanoTime());
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<PlannedPayment> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                PlannedAccount account = accounts.get(random.nextInt(accounts.size()));
                batch.add(new PlannedPayment(plan.run() + "-b" + sender + "-" + n++, account.accountId(),
                        BigDecimal.valueOf(100 + random.nextInt(900), 2), "EUR", WorkloadPlan.HOME, at, sender));
            }
            sent.addAll(batch);
            sendUntilTaken(batch);
            next += (long) (TimeUnit.SECONDS.toNanos(1) * BATCH / rateShare());
        }
    }

    /** This sender's part of the rate. */
    private double rateShare() {
        return rate / plan.shape().senders();
    }

    /** Sends the batch, and again what was not taken, until all is or {@link Workload#GIVE_UP} passes. */
    private void sendUntilTaken(List<PlannedPayment> batch) {
        List<PlannedPayment> pending = batch;
        Instant giveUp = Instant.now().plus(Workload.GIVE_UP);
        String problem = null;
        while (!pending.isEmpty() && !stopped && Instant.now().isBefore(giveUp)) {
            attempts.addAndGet(pending.size());
            List<PlannedPayment> notTaken = new ArrayList<>();
            try {
                Http.Answer answer = Http.post(batchUrl, "[" + String.join(",",
                        pending.stream().map(PlannedPayment::json).toList()) + "]");
                if (answer.status() == 200) {
                    JsonNode results = answer.body().get("results");
                    for (int i = 0; i < pending.size(); i++) {
                        if ("ACCEPTED".equals(results.get(i).get("status").asString())) {
                            acknowledged.add(pending.get(i));
                        } else {
                            notTaken.add(pending.get(i));
                            problem = results.get(i).toString();
                        }
                    }
                } else {
                    notTaken.addAll(pending);
                    problem = answer.status() + " " + answer.body();
                }
            } catch (IllegalStateException unreachable) {
                unanswered.addAndGet(pending.size());
                notTaken.addAll(pending);
                problem = unreachable.getMessage();
            }
            pending = notTaken;
            if (!pending.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }
        String last = problem;
        pending.forEach(payment -> unacknowledged.put(payment.paymentId(), last));
    }
}
