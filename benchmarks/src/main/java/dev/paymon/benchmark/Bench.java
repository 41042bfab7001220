package dev.paymon.benchmark;

import dev.paymon.benchmark.load.LoadRun;
import dev.paymon.benchmark.load.Measurement;
import dev.paymon.benchmark.load.Payments;
import dev.paymon.benchmark.pipeline.ConsumerLag;
import dev.paymon.benchmark.report.Results;
import dev.paymon.benchmark.stack.BenchStack;
import dev.paymon.launcher.Service;
import dev.paymon.launcher.StackSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** What every section works with: the options, the running stack, the results so far. */
final class Bench {

    static final String PAYMENTS_TOPIC = "payments.initiated.v1";
    static final int PAYMENTS_PARTITIONS = 6;

    final Options options;
    final BenchStack stack;
    final Results results = new Results();
    final Path root;
    /** The rate the pipeline is warmed up at before anything of it is measured. */
    static final double WARM_UP_RATE = 1_000;
    /**
     * How long the warm-up lasts: two minutes, so that it spans two window closes (at :30 each minute). The first
     * ones run code that steady traffic does not (closing windows, their results, the subscriber's upserts of
     * them): the JIT compilers then deoptimise and recompile for seconds, on both cores.
     */
    static final int WARM_UP_SECONDS = 120;

    private final Set<String> running = new HashSet<>();
    private ConsumerLag lag;
    private boolean pipelineWarm;

    Bench(Options options, BenchStack stack, Path root) {
        this.options = options;
        this.stack = stack;
        this.root = root;
    }

    /**
     * Starts {@code name} unless it runs, recording its start-up time as the first round of {@code startup.<name>}.
     * The processor starts after what is already on payments.initiated.v1 (the load of the HTTP sections, which
     * the pipeline figures are not about).
     */
    void ensureRunning(String name) {
        if (running.contains(name)) {
            return;
        }
        if (name.equals(StackSettings.PROCESSOR)) {
            ensureRunning(StackSettings.PUBLISHER); // creates payments.initiated.v1
            lag().skipToEnd(ConsumerLag.PROCESSOR_GROUP, PAYMENTS_TOPIC, PAYMENTS_PARTITIONS);
        }
        Progress.log("starting %s", name);
        double seconds = stack.start(name);
        results.add("startup." + name, seconds);
        running.add(name);
        Progress.log("%s healthy after %.1f s", name, seconds);
    }

    void ensurePipeline() {
        ensureRunning(StackSettings.PUBLISHER);
        ensureRunning(StackSettings.PROCESSOR);
        ensureRunning(StackSettings.SUBSCRIBER);
    }

    /**
     * Starts the pipeline unless it runs, and unless done since the processor last started, runs it at
     * {@value #WARM_UP_RATE} events/s for {@value #WARM_UP_SECONDS} s (10 s when quick) and drains it: a service just
     * started runs interpreted until its JIT compiler has caught up, which on 2 cores costs the processor seconds of
     * backlog.
     */
    void warmPipeline() {
        ensurePipeline();
        if (pipelineWarm) {
            return;
        }
        Duration warmUp = options.pick(Duration.ofSeconds(WARM_UP_SECONDS), Duration.ofSeconds(10));
        Progress.log("pipeline: warming up at %.0f events/s for %d s", WARM_UP_RATE, warmUp.toSeconds());
        try (LoadRun load = PipelineLoad.start(this, WARM_UP_RATE)) {
            pause(warmUp);
        }
        // Ready is not yet processing: a restarted processor first rejoins its group and restores its state.
        Progress.log("pipeline: warmed up, lag %d",
                drain(0, options.pick(Duration.ofSeconds(240), Duration.ofSeconds(120))));
        pipelineWarm = true;
    }

    /** Replaces the processor with one given {@code arguments} (see {@link BenchStack#restartProcessor}). */
    void restartProcessor(List<String> arguments) {
        stack.restartProcessor(arguments);
        pipelineWarm = false;
    }

    ConsumerLag lag() {
        if (lag == null) {
            lag = new ConsumerLag(stack.bootstrapServers());
        }
        return lag;
    }

    Payments payments(Service service) {
        return new Payments("localhost:" + service.port(), stack.apiKey());
    }

    static InetSocketAddress address(Service service) {
        return new InetSocketAddress("localhost", service.port());
    }

    /** Lets the run warm up, then measures it for {@code measure}; the run goes on afterwards. */
    static Measurement measure(LoadRun run, Duration warmup, Duration measure) {
        pause(warmup);
        LoadRun.Snapshot start = run.snapshot();
        pause(measure);
        return run.snapshot().since(start);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // the benchmark's own pacing: warm-up and measurement windows
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until the pipeline's consumer lag is at most {@code records}, or {@code limit} has passed. */
    long drain(long records, Duration limit) {
        return drain(records, limit, () -> lag().total());
    }

    /** Waits until {@code lag} is at most {@code records}, or {@code limit} has passed; returns the last lag. */
    static long drain(long records, Duration limit, LongSupplier lag) {
        long deadline = System.nanoTime() + limit.toNanos();
        long lagNow = lag.getAsLong();
        while (lagNow > records && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
            lagNow = lag.getAsLong();
        }
        return lagNow;
    }

    void close() {
        if (lag != null) {
            lag.close();
        }
    }
}
