package dev.paymon.benchmark;

import dev.paymon.benchmark.stack.BenchStack;
import dev.paymon.launcher.StackSettings;
import java.util.List;

/**
 * Start-up times: each service (and the echo endpoint, their baseline) restarted alone while the rest runs, from
 * process start to {@code /actuator/health} UP. The first round is their first start in this run.
 */
final class StartupBenchmark {

    static final List<String> SERVICES = List.of(BenchStack.ECHO, StackSettings.PUBLISHER, StackSettings.PROCESSOR,
            StackSettings.SUBSCRIBER);

    private final Bench bench;

    StartupBenchmark(Bench bench) {
        this.bench = bench;
    }

    void run() {
        SERVICES.forEach(bench::ensureRunning);
        for (String name : SERVICES) {
            while (bench.results.values("startup." + name).size() < bench.options.rounds()) {
                // The processor as configured by default (the pipeline section leaves it at-least-once).
                double seconds = name.equals(StackSettings.PROCESSOR) ? bench.stack.restartProcessor(List.of())
                        : bench.stack.restart(name);
                bench.results.add("startup." + name, seconds);
                Progress.log("startup: %s restarted, healthy after %.1f s", name, seconds);
            }
        }
    }
}
