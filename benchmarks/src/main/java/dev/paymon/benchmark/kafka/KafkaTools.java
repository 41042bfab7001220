package dev.paymon.benchmark.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own perf tools from {@code org.apache.kafka:kafka-tools}, each run as a child JVM with the tools' class
 * path ({@code benchmarks/kafka-tools/target/lib}), against the benchmark's broker: the baselines.
 */
public final class KafkaTools {

    public static final int RECORD_SIZE = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path lib;
    private final String bootstrapServers;
    private final Path logDir;

    public KafkaTools(Path lib, String bootstrapServers, Path logDir) {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " not found: build it first (./mvnw package -pl benchmarks -am)");
        }
        this.lib = lib;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /** {@code ProducerPerformance}: records/s of {@code records} 200-byte records, acks=all, unthrottled. */
    public double producerPerformance(String topic, long records) {
        return KafkaToolOutput.producerRecordsPerSecond(run("ProducerPerformance", "--topic", topic,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(RECORD_SIZE),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all"));
    }

    /** {@code ConsumerPerformance}: records/s reading {@code records} records of {@code topic}. */
    public double consumerPerformance(String topic, long records) {
        return KafkaToolOutput.consumerRecordsPerSecond(run("ConsumerPerformance", "--bootstrap-server",
                bootstrapServers, "--topic", topic, "--messages", String.valueOf(records), "--timeout", "30000"));
    }

    /** {@code EndToEndLatency}: p50, p99, p99.9 in ms of {@code messages} 200-byte messages sent one by one, acks=all. */
    public double[] endToEndLatency(String topic, int messages) {
        return KafkaToolOutput.endToEndPercentiles(run("EndToEndLatency", bootstrapServers, topic,
                String.valueOf(messages), "all", String.valueOf(RECORD_SIZE)));
    }

    private String run(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-cp", lib + "/*",
                "org.apache.kafka.tools." + tool));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logDir);
            Path log = Files.createTempFile(logDir, tool + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + TIMEOUT + "; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(tool + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + tool + " ran", e);
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
