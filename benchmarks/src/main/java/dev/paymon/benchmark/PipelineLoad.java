package dev.paymon.benchmark;

import dev.paymon.benchmark.load.LoadRun;
import dev.paymon.launcher.Service;
import dev.paymon.launcher.StackSettings;

/**
 * The pipeline's load: batches of {@value #BATCH} payments as NDJSON to the publisher, open loop at a constant
 * rate over {@value #CONNECTIONS} connections, every payment's occurredAt the batch's intended send time (so the
 * subscriber's end-to-end latency includes any delay of the load generator or the publisher).
 */
final class PipelineLoad {

    static final int BATCH = 100;
    static final int CONNECTIONS = 16;

    private PipelineLoad() {
    }

    static LoadRun start(Bench bench, double eventsPerSecond) {
        Service publisher = bench.stack.service(StackSettings.PUBLISHER);
        return LoadRun.open("pipeline", Bench.address(publisher),
                bench.payments(publisher).batch(BatchBenchmark.BATCH_PATH, BATCH, true), eventsPerSecond / BATCH,
                CONNECTIONS);
    }
}
