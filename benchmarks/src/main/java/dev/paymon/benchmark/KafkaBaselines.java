package dev.paymon.benchmark;

import dev.paymon.benchmark.kafka.KafkaTools;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own tools against the benchmark's broker, one run of each per round: ProducerPerformance (200-byte
 * records, acks=all, unthrottled, to a topic with the partitions of payments.initiated.v1), ConsumerPerformance
 * (reading those records back) and EndToEndLatency (one message at a time, acks=all, one partition).
 */
final class KafkaBaselines {

    private final Bench bench;

    KafkaBaselines(Bench bench) {
        this.bench = bench;
    }

    void run() {
        KafkaTools tools = new KafkaTools(bench.root.resolve("benchmarks/kafka-tools/target/lib"),
                bench.stack.bootstrapServers(), bench.stack.dataDir().resolve("logs"));
        long records = bench.options.pick(500_000, 20_000);
        int messages = (int) bench.options.pick(5_000, 300);
        for (int round = 1; round <= bench.options.rounds(); round++) {
            String perf = "bench-producer-perf-" + round;
            String e2e = "bench-end-to-end-" + round;
            createTopics(perf, e2e);
            double produced = tools.producerPerformance(perf, records);
            bench.results.add("kafka.producer", produced);
            double consumed = tools.consumerPerformance(perf, records);
            bench.results.add("kafka.consumer", consumed);
            double[] latency = tools.endToEndLatency(e2e, messages);
            bench.results.add("kafka.e2e.p50", latency[0]);
            bench.results.add("kafka.e2e.p99", latency[1]);
            bench.results.add("kafka.e2e.p999", latency[2]);
            Progress.log("kafka round %d: produce %.0f records/s, consume %.0f records/s, end-to-end p50/p99/p99.9"
                    + " %.0f/%.0f/%.0f ms", round, produced, consumed, latency[0], latency[1], latency[2]);
        }
    }

    private void createTopics(String perf, String e2e) {
        try {
            bench.lag().admin().createTopics(List.of(new NewTopic(perf, Bench.PAYMENTS_PARTITIONS, (short) 1),
                    new NewTopic(e2e, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the baseline topics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
