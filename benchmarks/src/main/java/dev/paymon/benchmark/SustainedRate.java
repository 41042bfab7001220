package dev.paymon.benchmark;

import dev.paymon.benchmark.load.LoadRun;
import dev.paymon.benchmark.load.Measurement;
import dev.paymon.benchmark.pipeline.ConsumerLag;
import dev.paymon.benchmark.pipeline.RateSearch;
import dev.paymon.benchmark.pipeline.SustainedCriterion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.kafka.common.TopicPartition;

/**
 * The highest constant rate the pipeline keeps up with (exactly-once). First its capacity is estimated: a rate
 * well above it is offered for a while, and the subscriber's progress on payments.enriched.v1 (its committed
 * offsets) in the second half of that time is what the whole pipeline delivers, or, if more, the rate at which it
 * then works off that probe's backlog. Then candidate rates, starting just below the estimate, are each held for
 * {@link #hold} after the backlog has drained, until one meets {@link SustainedCriterion}; a failing candidate is
 * followed by a lower one and a sustained one by a higher one ({@link RateSearch}). Lag is judged along the
 * payments' path only ({@link ConsumerLag#paymentPath()}): the window projections' input arrives in bursts by design.
 */
final class SustainedRate {

    static final double STEP = 0.8;
    static final double FIRST_CANDIDATE = 0.9;
    static final int MAX_CANDIDATES = 4;
    static final String ENRICHED_TOPIC = "payments.enriched.v1";

    private final Bench bench;
    private final Duration hold;
    private final Duration probe;
    private final Duration drainLimit;
    /** How long the capacity probe's backlog may take to drain before the first candidate. */
    private final Duration backlogLimit;

    SustainedRate(Bench bench) {
        this.bench = bench;
        this.hold = hold(bench.options);
        // Short: every second of the probe leaves a backlog of several seconds' work behind.
        this.probe = bench.options.pick(Duration.ofSeconds(10), Duration.ofSeconds(4));
        this.drainLimit = bench.options.pick(Duration.ofSeconds(60), Duration.ofSeconds(20));
        this.backlogLimit = bench.options.pick(Duration.ofSeconds(300), Duration.ofSeconds(90));
    }

    void run() {
        bench.warmPipeline();
        for (int round = 1; round <= sustainedRounds(); round++) {
            double probed = estimate();
            // While flooded, an exactly-once pipeline commits little at first (it is filling its transactions), so
            // the probe alone underestimates it; how fast it then works off the probe's backlog is the better guide.
            long backlog = bench.lag().paymentPath();
            long start = System.nanoTime();
            long left = Bench.drain(1_000, backlogLimit, () -> bench.lag().paymentPath());
            double drained = (backlog - left) / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            Progress.log("sustained: drained the probe's backlog of %d at %.0f events/s, lag %d", backlog, drained,
                    left);
            double estimate = Math.max(probed, drained);
            bench.results.add("pipeline.capacity-estimate", estimate);
            RateSearch search = new RateSearch(FIRST_CANDIDATE * estimate, STEP);
            OptionalDouble candidate = OptionalDouble.of(search.candidate());
            for (int attempt = 1; attempt <= maxCandidates() && candidate.isPresent(); attempt++) {
                double rate = candidate.getAsDouble();
                long lag = bench.drain(1_000, drainLimit);
                SustainedCriterion.Verdict verdict = holdAt(rate);
                Progress.log("sustained round %d: %.0f events/s for %d s (lag before %d): %s (accepted %.1f %%, end lag"
                                + " %.0f, lag trend %+.0f/s)", round, rate, hold.toSeconds(), lag,
                        verdict.sustained() ? "SUSTAINED" : "not sustained: " + verdict.reason(),
                        verdict.acceptedShare() * 100, verdict.endLag(), verdict.growthPerSecond());
                candidate = search.record(verdict.sustained());
            }
            bench.results.add("pipeline.sustained", search.result());
        }
        bench.drain(1_000, drainLimit);
    }

    /** Quick runs try two candidates at most. */
    private int maxCandidates() {
        return bench.options.quick() ? 2 : MAX_CANDIDATES;
    }

    /** One search per run, whatever --rounds says: it takes several minutes. */
    private int sustainedRounds() {
        return 1;
    }

    /** Offers far more than the pipeline can take, and measures what the subscriber commits per second. */
    private double estimate() {
        double offered = bench.options.pick(40_000, 20_000);
        bench.drain(1_000, drainLimit);
        try (LoadRun load = PipelineLoad.start(bench, offered)) {
            Bench.pause(probe.dividedBy(2));
            long before = enrichedCommitted();
            long start = System.nanoTime();
            LoadRun.Snapshot sentBefore = load.snapshot();
            Bench.pause(probe.dividedBy(2));
            double progress = (enrichedCommitted() - before) / ((System.nanoTime() - start) / 1e9);
            Measurement sent = load.snapshot().since(sentBefore);
            Progress.log("sustained: offered %.0f events/s, publisher accepted %.0f/s, subscriber committed %.0f/s",
                    offered, sent.eventsPerSecond(), progress);
            return Math.min(sent.eventsPerSecond(), progress);
        }
    }

    private long enrichedCommitted() {
        Map<TopicPartition, Long> offsets = bench.lag().committed().get(ConsumerLag.SUBSCRIBER_GROUP);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(ENRICHED_TOPIC))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private SustainedCriterion.Verdict holdAt(double rate) {
        List<Long> lag = new ArrayList<>();
        try (LoadRun load = PipelineLoad.start(bench, rate)) {
            LoadRun.Snapshot start = load.snapshot();
            long seconds = hold.toSeconds();
            long begin = System.nanoTime();
            for (int s = 1; s <= seconds; s++) {
                long due = begin + s * 1_000_000_000L;
                Bench.pause(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
                lag.add(bench.lag().paymentPath());
            }
            Measurement sent = load.snapshot().since(start);
            return SustainedCriterion.judge(rate, sent.eventsPerSecond(), lag);
        }
    }

    /** How long each candidate rate is held: 60 s, 5 s when quick. */
    static Duration hold(Options options) {
        return options.pick(Duration.ofSeconds(60), Duration.ofSeconds(5));
    }
}
