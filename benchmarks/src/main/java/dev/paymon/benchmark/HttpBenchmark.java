package dev.paymon.benchmark;

import dev.paymon.benchmark.load.LoadRun;
import dev.paymon.benchmark.load.Measurement;
import dev.paymon.benchmark.load.RequestSource;
import dev.paymon.benchmark.stack.BenchStack;
import dev.paymon.launcher.Service;
import dev.paymon.launcher.StackSettings;
import java.time.Duration;
import java.util.List;

/**
 * One payment per request, to the publisher and to the echo endpoint, at 8, 64 and 256 connections: the throughput
 * of a closed loop (2xx answers per second), then the latency of an open loop at {@value #LATENCY_LOAD} of the
 * publisher's throughput at that many connections, against each of them at the same rate.
 */
final class HttpBenchmark {

    static final List<Integer> CONNECTIONS = List.of(8, 64, 256);
    static final double LATENCY_LOAD = 0.8;
    static final String PAYMENTS_PATH = "/api/v1/payments";
    static final String ECHO_PATH = "/echo";

    private final Bench bench;
    private final Duration warmup;
    private final Duration window;

    HttpBenchmark(Bench bench) {
        this.bench = bench;
        this.warmup = bench.options.pick(Duration.ofSeconds(2), Duration.ofMillis(300));
        this.window = bench.options.pick(Duration.ofSeconds(8), Duration.ofSeconds(1));
    }

    void run() {
        bench.ensureRunning(StackSettings.PUBLISHER);
        bench.ensureRunning(BenchStack.ECHO);
        Service publisher = bench.stack.service(StackSettings.PUBLISHER);
        Service echo = bench.stack.service(BenchStack.ECHO);
        RequestSource toPublisher = bench.payments(publisher).single(PAYMENTS_PATH);
        RequestSource toEcho = bench.payments(echo).single(ECHO_PATH);
        Duration jitWarmup = bench.options.pick(Duration.ofSeconds(10), Duration.ofSeconds(1));
        Progress.log("http: warming up publisher and echo for %d s each", jitWarmup.toSeconds());
        closed(publisher, toPublisher, 64, jitWarmup, Duration.ofMillis(100));
        closed(echo, toEcho, 64, jitWarmup, Duration.ofMillis(100));
        for (int round = 1; round <= bench.options.rounds(); round++) {
            long publisherFailures = 0;
            for (int connections : CONNECTIONS) {
                Measurement published = closed(publisher, toPublisher, connections, warmup, window);
                Measurement echoed = closed(echo, toEcho, connections, warmup, window);
                publisherFailures += published.unsuccessful() + published.failed();
                bench.results.add("publisher.rps." + connections, published.successfulPerSecond());
                bench.results.add("echo.rps." + connections, echoed.successfulPerSecond());
                double rate = LATENCY_LOAD * published.successfulPerSecond();
                Measurement publisherLatency = open(publisher, toPublisher, rate, connections);
                Measurement echoLatency = open(echo, toEcho, rate, connections);
                publisherFailures += publisherLatency.unsuccessful() + publisherLatency.failed();
                record("publisher", connections, publisherLatency);
                record("echo", connections, echoLatency);
                Progress.log("http round %d, %d connections: publisher %.0f req/s (%d not 2xx, %d failed), echo %.0f"
                                + " req/s; at %.0f req/s p99 publisher %.1f ms, echo %.1f ms", round, connections,
                        published.successfulPerSecond(), published.unsuccessful(), published.failed(),
                        echoed.successfulPerSecond(), rate, publisherLatency.latencyMillis(99),
                        echoLatency.latencyMillis(99));
            }
            bench.results.add("publisher.failures", publisherFailures);
        }
    }

    private void record(String who, int connections, Measurement m) {
        bench.results.add(who + ".p50." + connections, m.latencyMillis(50));
        bench.results.add(who + ".p99." + connections, m.latencyMillis(99));
        bench.results.add(who + ".p999." + connections, m.latencyMillis(99.9));
    }

    private static Measurement closed(Service service, RequestSource source, int connections, Duration warmup,
                                      Duration window) {
        try (LoadRun run = LoadRun.closed(service.name(), Bench.address(service), source, connections)) {
            return Bench.measure(run, warmup, window);
        }
    }

    private Measurement open(Service service, RequestSource source, double rate, int connections) {
        try (LoadRun run = LoadRun.open(service.name(), Bench.address(service), source, rate, connections)) {
            return Bench.measure(run, warmup, window);
        }
    }
}
