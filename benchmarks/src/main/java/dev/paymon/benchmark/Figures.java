package dev.paymon.benchmark;

import dev.paymon.benchmark.report.Row;
import dev.paymon.benchmark.report.Target;
import dev.paymon.benchmark.stack.BenchStack;
import dev.paymon.launcher.StackSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of the result table, their baselines and the targets (for a 2-core machine). */
final class Figures {

    private static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9");
    private static final List<String> PERCENTILE_IDS = List.of("p50", "p99", "p999");

    private Figures() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.single("Baseline", "Kafka ProducerPerformance, 200 B records, acks=all", "records/s",
                "kafka.producer", null, null, null));
        rows.add(Row.single("Baseline", "Kafka ConsumerPerformance", "records/s", "kafka.consumer", null, null, null));
        rows.add(percentiles("Baseline", "Kafka EndToEndLatency, acks=all", "kafka.e2e", "", null, null, null));
        for (int c : HttpBenchmark.CONNECTIONS) {
            rows.add(Row.single("Baseline", "Echo endpoint, " + c + " connections", "req/s", "echo.rps." + c, null,
                    null, null));
        }
        for (int c : HttpBenchmark.CONNECTIONS) {
            rows.add(percentiles("Baseline", "Echo endpoint latency, " + c + " connections, publisher's rate",
                    "echo", "." + c, null, null, null));
        }
        for (int c : HttpBenchmark.CONNECTIONS) {
            rows.add(Row.single("Publisher", "One payment per request, " + c + " connections", "req/s",
                    "publisher.rps." + c, "echo.rps." + c, "echo, " + c + " connections",
                    c == 64 ? Target.ratioAtLeast(0.75) : null));
        }
        for (int c : HttpBenchmark.CONNECTIONS) {
            rows.add(percentiles("Publisher", "Latency at 80 % of its throughput, " + c + " connections",
                    "publisher", "." + c, "echo", "echo, same rate and connections",
                    c == 64 ? Target.atMost(1, 50) : null));
        }
        rows.add(Row.single("Publisher", "Answers not 2xx or failed (closed and open loop, all connections)",
                "requests", "publisher.failures", null, null, null));
        for (int size : BatchBenchmark.SIZES) {
            for (String format : List.of("json", "ndjson")) {
                rows.add(Row.single("Publisher", "Batches of " + size + ", " + (format.equals("json") ? "JSON array"
                                : "NDJSON") + ", " + BatchBenchmark.CONNECTIONS + " connections", "events/s",
                        "batch." + size + "." + format, "kafka.producer", "ProducerPerformance",
                        Target.ratioAtLeast(0.5)));
            }
        }
        rows.add(Row.single("Pipeline", "Highest sustained rate, exactly-once", "events/s", "pipeline.sustained",
                "kafka.producer", "ProducerPerformance", Target.atLeast(20_000)));
        for (String mode : List.of("eos", "alo")) {
            for (int rate : PipelineBenchmark.RATES) {
                Target target = rate == 2_000 ? Target.atMost(1, mode.equals("eos") ? 150 : 30) : null;
                rows.add(percentiles("Pipeline", "End-to-end latency at " + String.format("%,d", rate)
                                + " events/s, " + (mode.equals("eos") ? "exactly-once" : "at-least-once"),
                        "e2e." + mode + "." + rate, "", "kafka.e2e", "Kafka EndToEndLatency", target));
                // Whether the pipeline kept up in that window: where it committed less than was accepted, the
                // latencies above are those of a growing backlog, not of a steady state.
                String id = "e2e." + mode + "." + rate;
                rows.add(new Row("Pipeline", "Accepted / committed in that window", "events/s",
                        List.of(id + ".accepted", id + ".committed"), List.of("accepted", "committed"),
                        Arrays.asList(null, null), null, null));
                // Kept up or not, every payment accepted at the rate must reach the read model once drained.
                rows.add(new Row("Pipeline", "Accepted payments not in the read model after draining (all rounds)",
                        "payments", List.of(id + ".missing", id + ".accepted.all"), List.of("missing", "of accepted"),
                        Arrays.asList(null, null), null, Target.atMost(0, 0)));
            }
        }
        for (String service : List.of(StackSettings.PUBLISHER, StackSettings.PROCESSOR, StackSettings.SUBSCRIBER)) {
            rows.add(new Row("Footprint", service + " at " + String.format("%,d", PipelineBenchmark.FOOTPRINT_RATE)
                    + " events/s", "MB", List.of("footprint.heap." + service, "footprint.rss." + service),
                    List.of("heap", "RSS"), Arrays.asList(null, null), null, Target.atMost(0, 256)));
        }
        for (String service : List.of(StackSettings.PUBLISHER, StackSettings.PROCESSOR, StackSettings.SUBSCRIBER)) {
            rows.add(Row.single("Footprint", "Start-up of " + service, "s", "startup." + service,
                    "startup." + BenchStack.ECHO, "echo endpoint (" + BenchStack.ECHO + ")", null));
        }
        rows.add(Row.single("Baseline", "Start-up of the echo endpoint", "s", "startup." + BenchStack.ECHO, null, null,
                null));
        return rows;
    }

    /** A row of p50 / p99 / p99.9 with ids {@code <prefix>.<p><suffix>}, each against the same of the baseline. */
    private static Row percentiles(String section, String figure, String prefix, String suffix,
                                   String baselinePrefix, String baselineName, Target target) {
        return new Row(section, figure, "ms", ids(prefix + ".", suffix), PERCENTILES,
                baselinePrefix == null ? Arrays.asList((String) null) : ids(baselinePrefix + ".", suffix),
                baselineName, target);
    }

    private static List<String> ids(String prefix, String suffix) {
        return PERCENTILE_IDS.stream().map(p -> prefix + p + suffix).toList();
    }
}
