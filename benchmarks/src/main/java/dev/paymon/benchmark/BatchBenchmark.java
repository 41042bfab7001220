package dev.paymon.benchmark;

import dev.paymon.benchmark.load.LoadRun;
import dev.paymon.benchmark.load.Measurement;
import dev.paymon.benchmark.load.RequestSource;
import dev.paymon.launcher.Service;
import dev.paymon.launcher.StackSettings;
import java.time.Duration;
import java.util.List;

/**
 * Batches of 100 and 1000 payments, as a JSON array and as NDJSON, in a closed loop over {@value #CONNECTIONS}
 * connections: payments the publisher accepted (acknowledged by Kafka) per second.
 */
final class BatchBenchmark {

    static final int CONNECTIONS = 4;
    static final List<Integer> SIZES = List.of(100, 1000);
    static final String BATCH_PATH = "/api/v1/payments/batch";

    private final Bench bench;

    BatchBenchmark(Bench bench) {
        this.bench = bench;
    }

    void run() {
        bench.ensureRunning(StackSettings.PUBLISHER);
        Service publisher = bench.stack.service(StackSettings.PUBLISHER);
        Duration warmup = bench.options.pick(Duration.ofSeconds(2), Duration.ofMillis(300));
        Duration window = bench.options.pick(Duration.ofSeconds(6), Duration.ofSeconds(1));
        for (int round = 1; round <= bench.options.rounds(); round++) {
            for (int size : SIZES) {
                for (boolean ndjson : List.of(false, true)) {
                    RequestSource batches = bench.payments(publisher).batch(BATCH_PATH, size, ndjson);
                    Measurement m;
                    try (LoadRun run = LoadRun.closed("batch", Bench.address(publisher), batches, CONNECTIONS)) {
                        m = Bench.measure(run, warmup, window);
                    }
                    String format = ndjson ? "ndjson" : "json";
                    bench.results.add("batch." + size + "." + format, m.eventsPerSecond());
                    Progress.log("batch round %d, %d as %s: %.0f payments/s (%d not 2xx, %d failed)", round, size,
                            format, m.eventsPerSecond(), m.unsuccessful(), m.failed());
                }
            }
        }
    }
}
