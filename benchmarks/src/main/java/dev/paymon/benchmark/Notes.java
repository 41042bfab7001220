package dev.paymon.benchmark;

import dev.paymon.benchmark.load.Payments;
import dev.paymon.benchmark.pipeline.RateSearch;
import dev.paymon.benchmark.pipeline.SustainedCriterion;
import dev.paymon.benchmark.stack.BenchStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How each figure was measured, printed under the table. */
final class Notes {

    private Notes() {
    }

    static List<String> of(Options options, PipelineBenchmark pipeline, List<String> failures) {
        List<String> notes = new ArrayList<>();
        failures.forEach(failure -> notes.add("**Section failed** (its rows are n/a): " + failure));
        notes.add("Load generator: this JVM, HTTP/1.1 keep-alive over plain sockets, one thread per connection, "
                + "latencies in HdrHistogram. Payments are realistic JSON (random UUID paymentId, EUR 0.01-99.99, "
                + String.format(Locale.ROOT, "%,d", Payments.ACCOUNTS) + " accounts in turn, occurredAt = intended "
                + "send time), with the X-API-Key header.");
        notes.add("Kafka baselines: `org.apache.kafka.tools.*` from kafka-tools, each a child JVM with its own class "
                + "path, on the same broker: ProducerPerformance (" + (options.quick() ? "20,000" : "500,000")
                + " records of 200 B, acks=all, unthrottled, 6 partitions), ConsumerPerformance reading them back "
                + "(fetch.nMsg.sec: without the group join), EndToEndLatency (one 200 B message at a time, acks=all).");
        notes.add("Echo endpoint: the publisher's HTTP stack (Tomcat, Spring MVC, Jackson 3, actuator) and Tomcat limits "
                + "(64 threads, 1024 connections, accept 100), in its own JVM like the services; parses the payment "
                + "and answers a 202 like the publisher's, nothing else: the HTTP ceiling.");
        notes.add("One payment per request: throughput from a closed loop (each connection sends its next request "
                + "when the last is answered; 2xx answers per second). Latency from an open loop (wrk2-style: "
                + "requests due at a constant rate, each connection at fixed intervals, latency measured from the due "
                + "time, so no coordinated omission) at 80 % of the publisher's closed-loop throughput at that many "
                + "connections, the echo endpoint at the same rate. The publisher runs with "
                + "`--paymon.publisher.admission.max-in-flight=" + BenchStack.MAX_IN_FLIGHT + "` (default 32, beyond "
                + "which it answers 503 at once) and as many per key (default 16, beyond which 429), as the load "
                + "generator uses one key for what stands for many clients: measured is serving, not shedding. The "
                + "processor and subscriber are not running yet during the publisher sections (its figures are the "
                + "publisher's alone, as the echo's are); the pipeline later starts after these payments.");
        notes.add("Batches: closed loop over " + BatchBenchmark.CONNECTIONS + " connections, payments accepted per "
                + "second (the `accepted` count of 200 answers); ratio to ProducerPerformance records/s.");
        notes.add("Pipeline load: batches of " + PipelineLoad.BATCH + " payments as NDJSON, open loop at the rate "
                + "over " + PipelineLoad.CONNECTIONS + " connections, occurredAt = the batch's intended send time.");
        notes.add("End-to-end latency: the subscriber's timer `paymon.subscriber.end.to.end.latency` (occurredAt to "
                + "the commit of the payment's row), its Prometheus histogram scraped at the start and end of the "
                + "measurement window; percentiles of the difference, interpolated linearly within buckets"
                + (pipeline == null || Double.isNaN(pipeline.resolution()) ? ""
                : String.format(Locale.ROOT, " (bucket bounds up to %.0f %% apart between 5 ms and 1 s)",
                (pipeline.resolution() - 1) * 100))
                + ". At-least-once: the processor restarted with "
                + "`" + PipelineBenchmark.AT_LEAST_ONCE + "`. Before the first figure of a processor (either guarantee) the "
                + "pipeline runs at " + (int) Bench.WARM_UP_RATE + " events/s for "
                + (options.quick() ? 10 : Bench.WARM_UP_SECONDS)
                + " s and drains, so that no figure includes JIT warm-up. Each rate after a warm-up, with the lag "
                + "drained first; every rate is offered, kept up with or not (where committed < accepted, the "
                + "latencies are those of a growing backlog); raw values also show the accepted and committed rates "
                + "of each window. After each rate the backlog is drained and the payments accepted at it (202'd "
                + "batch items) are compared with `payments.total` of the subscriber's `GET /api/v1/stats`: "
                + "'not in the read model' sums the difference over the rounds and must be 0.");
        notes.add(String.format(Locale.ROOT, "Highest sustained rate (exactly-once): capacity first estimated by "
                        + "offering far more than the pipeline takes (what the subscriber commits meanwhile, or the "
                        + "rate at which the backlog then drains, whichever is higher); then up to %d candidates, "
                        + "the first at %.0f %% of it, each held %d s after the backlog drained: up by a factor "
                        + "%.2f after a sustained one, down by %.1f after a failed one, halfway once both are known, "
                        + "in steps of %.0f events/s. Sustained: the publisher accepted >= %.0f %% of the offered "
                        + "events, and the consumer lag along the payments' path (the processor's group, and the "
                        + "subscriber's on payments.enriched.v1; read_committed end offsets minus committed offsets) "
                        + "is at the end <= %.0f s worth of events and grew by <= %.0f %% of the rate per second over "
                        + "the last %d s. The window projections are left out: their input comes once a minute in a "
                        + "burst by design. One search per run.",
                SustainedRate.MAX_CANDIDATES, SustainedRate.FIRST_CANDIDATE * 100,
                SustainedRate.hold(options).toSeconds(), 1 / SustainedRate.STEP, SustainedRate.STEP,
                RateSearch.GRAIN, SustainedCriterion.MIN_ACCEPTED_PERCENT, SustainedCriterion.MAX_LAG_SECONDS,
                SustainedCriterion.MAX_GROWTH * 100, SustainedCriterion.TREND_SAMPLES));
        notes.add("Footprint: each service sampled once a second during the " + PipelineBenchmark.FOOTPRINT_RATE
                + " events/s exactly-once windows: peak heap in use (`jvm_memory_used_bytes{area=\"heap\"}` summed) "
                + "and peak RSS (VmRSS). Start-up: process start to `/actuator/health` UP, each service started alone "
                + "(the first round is its first start in the run, the others restarts while the rest runs).");
        return notes;
    }
}
