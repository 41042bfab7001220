package dev.paymon.benchmark;

import dev.paymon.benchmark.load.LoadRun;
import dev.paymon.benchmark.pipeline.BucketHistogram;
import dev.paymon.benchmark.pipeline.PrometheusText;
import dev.paymon.benchmark.pipeline.ReadModel;
import dev.paymon.benchmark.stack.Footprint;
import dev.paymon.launcher.StackSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency (a payment's occurredAt, its intended send time, to the commit of its row in the subscriber's
 * database) at constant rates, with the processor exactly-once and then at-least-once; and the services' footprint
 * at {@value #FOOTPRINT_RATE} events/s, exactly-once. The latency is the subscriber's own timer
 * ({@value #METRIC}): its histogram is scraped when the measurement window opens and when it closes, and the
 * percentiles come from the difference, so they cover exactly the payments committed within the window.
 *
 * <p>Every rate is offered, also those above the first the pipeline did not keep up with: what it cannot keep up
 * with becomes a backlog, drained after the rate, and then every payment the publisher accepted at that rate must be
 * in the read model ({@link ReadModel}); how many are not is a figure of its own, which must be 0.
 */
final class PipelineBenchmark {

    static final List<Integer> RATES = List.of(1_000, 2_000, 5_000, 10_000);
    static final int FOOTPRINT_RATE = 5_000;
    static final String METRIC = "paymon_subscriber_end_to_end_latency_seconds";
    /** Commits a window needs for its percentiles; it is extended until it has them (up to the drain limit). */
    static final int MIN_COMMITTED = 100;
    static final String AT_LEAST_ONCE = "--paymon.processor.processing-guarantee=at-least-once";

    private final Bench bench;
    private final Duration warmup;
    private final Duration window;
    private final Duration drainLimit;
    /** How long a backlog left by a rate the pipeline did not keep up with may take to drain. */
    private final Duration backlogLimit;
    private final Map<String, Reconciled> reconciled = new LinkedHashMap<>();
    private ReadModel readModel;
    private double resolution = Double.NaN;

    /** Payments the publisher accepted at a rate over all rounds, and how many of them the read model lacked. */
    private record Reconciled(long accepted, long missing) {
        Reconciled plus(long moreAccepted, long moreMissing) {
            return new Reconciled(accepted + moreAccepted, missing + moreMissing);
        }
    }

    PipelineBenchmark(Bench bench) {
        this.bench = bench;
        this.warmup = bench.options.pick(Duration.ofSeconds(4), Duration.ofSeconds(1));
        this.window = bench.options.pick(Duration.ofSeconds(10), Duration.ofSeconds(2));
        this.drainLimit = bench.options.pick(Duration.ofSeconds(60), Duration.ofSeconds(15));
        this.backlogLimit = bench.options.pick(Duration.ofSeconds(240), Duration.ofSeconds(120));
    }

    void run() {
        readModel = new ReadModel(bench.stack.service(StackSettings.SUBSCRIBER).url(), bench.stack.apiKey());
        bench.warmPipeline();
        rates("eos", true);
        // The at-least-once figures must not include the exactly-once runs' backlog: drain it first; the new
        // processor is then warmed up as the first one was.
        Progress.log("pipeline: draining, lag %d", bench.drain(1_000, backlogLimit));
        Progress.log("pipeline: restarting the processor with %s", AT_LEAST_ONCE);
        bench.restartProcessor(List.of(AT_LEAST_ONCE));
        bench.warmPipeline();
        rates("alo", false);
        reconciled.forEach((id, r) -> {
            bench.results.add(id + ".accepted.all", r.accepted());
            bench.results.add(id + ".missing", r.missing());
        });
    }

    /** The bucket bounds' largest ratio between 5 ms and 1 s, as seen in the scrapes. */
    double resolution() {
        return resolution;
    }

    private void rates(String mode, boolean footprint) {
        for (int round = 1; round <= bench.options.rounds(); round++) {
            for (int rate : RATES) {
                String id = "e2e." + mode + "." + rate;
                boolean sample = footprint && rate == FOOTPRINT_RATE;
                // The footprint is sampled at its rate even when the pipeline does not keep up with it.
                long lag = bench.drain(1_000, drainLimit);
                long storedBefore = readModel.storedPayments();
                LoadRun.Snapshot total;
                try (LoadRun load = PipelineLoad.start(bench, rate);
                     Footprint services = sample ? Footprint.sample(bench.stack.services()) : null) {
                    Bench.pause(warmup);
                    BucketHistogram before = scrape();
                    LoadRun.Snapshot start = load.snapshot();
                    Bench.pause(window);
                    BucketHistogram delta = scrape().minus(before);
                    // A pipeline far behind commits nothing of the window's rate for a while: the window is then
                    // extended (the load going on) until some payments were committed, or the limit passes.
                    long extendUntil = System.nanoTime() + drainLimit.toNanos();
                    while (delta.count() < MIN_COMMITTED && System.nanoTime() < extendUntil) {
                        Bench.pause(Duration.ofSeconds(1));
                        delta = scrape().minus(before);
                    }
                    var sent = load.snapshot().since(start);
                    resolution = delta.resolution(0.005, 1.0);
                    bench.results.add(id + ".p50", millis(delta, 50));
                    bench.results.add(id + ".p99", millis(delta, 99));
                    bench.results.add(id + ".p999", millis(delta, 99.9));
                    bench.results.add(id + ".accepted", sent.eventsPerSecond());
                    bench.results.add(id + ".committed", delta.count() / sent.seconds());
                    Progress.log("pipeline %s round %d at %d/s (lag before %d): accepted %.0f/s, committed %.0f/s,"
                                    + " p50/p99/p99.9 %.0f/%.0f/%.0f ms", mode, round, rate, lag,
                            sent.eventsPerSecond(), delta.count() / sent.seconds(), delta.percentile(50) * 1000,
                            delta.percentile(99) * 1000, delta.percentile(99.9) * 1000);
                    if (sample) {
                        recordFootprint(services.peaks());
                        if (services.lastError() != null) {
                            Progress.log("footprint: a scrape failed: %s", services.lastError());
                        }
                    }
                    load.close(); // waits for the requests in flight: every 202 is counted
                    total = load.snapshot();
                }
                reconcile(id, mode, round, rate, storedBefore, total);
            }
        }
    }

    /**
     * Drains what the rate left behind, then counts the accepted payments the read model lacks. Nothing else adds
     * payments meanwhile, so the stored ones are the rate's; a request left unanswered (counted as failed, not
     * accepted) may still have been stored, which would hide a missing one: the log line shows both.
     */
    private void reconcile(String id, String mode, int round, int rate, long storedBefore, LoadRun.Snapshot total) {
        long accepted = total.events();
        long lag = bench.drain(0, backlogLimit);
        long deadline = System.nanoTime() + drainLimit.toNanos();
        long stored = readModel.storedPayments() - storedBefore;
        while (stored < accepted && System.nanoTime() < deadline) {
            Bench.pause(Duration.ofSeconds(1));
            stored = readModel.storedPayments() - storedBefore;
        }
        long missing = Math.max(0, accepted - stored);
        reconciled.merge(id, new Reconciled(accepted, missing), (a, b) -> a.plus(b.accepted(), b.missing()));
        Progress.log("pipeline %s round %d at %d/s: accepted %d, in the read model %d, missing %d (requests"
                + " unanswered %d, lag %d)", mode, round, rate, accepted, stored, missing, total.failed(), lag);
    }

    /** A percentile in ms; unbounded when nothing was committed in the whole window (the latency lies beyond it). */
    private static double millis(BucketHistogram delta, double percentile) {
        return delta.count() == 0 ? Double.POSITIVE_INFINITY : delta.percentile(percentile) * 1000;
    }

    private void recordFootprint(Map<String, Footprint.Peak> peaks) {
        peaks.forEach((name, peak) -> {
            bench.results.add("footprint.heap." + name, peak.heapBytes() / 1024 / 1024);
            bench.results.add("footprint.rss." + name, peak.rssBytes() / 1024 / 1024);
        });
    }

    private BucketHistogram scrape() {
        return BucketHistogram.of(PrometheusText.scrape(bench.stack.service(StackSettings.SUBSCRIBER).metricsUrl()),
                METRIC);
    }
}
