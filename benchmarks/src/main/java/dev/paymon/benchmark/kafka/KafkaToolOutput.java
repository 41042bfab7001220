package dev.paymon.benchmark.kafka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's perf tools (4.1) print. */
final class KafkaToolOutput {

    /** ProducerPerformance's final line: {@code 500000 records sent, 123456.7 records/sec (23.55 MB/sec), ...}. */
    private static final Pattern PRODUCER_TOTAL = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+ MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max"
                    + " latency, \\d+ ms 50th");
    private static final Pattern E2E_PERCENTILES = Pattern.compile(
            "Percentiles: 50th = ([\\d.]+), 99th = ([\\d.]+), 99.9th = ([\\d.]+)");
    private static final String CONSUMER_HEADER = "start.time, end.time";

    private KafkaToolOutput() {
    }

    /** Records per second over the whole run. */
    static double producerRecordsPerSecond(String output) {
        Matcher m = PRODUCER_TOTAL.matcher(output);
        double perSecond = Double.NaN;
        while (m.find()) {
            perSecond = Double.parseDouble(m.group(2));
        }
        if (Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("no ProducerPerformance summary in:\n" + output);
        }
        return perSecond;
    }

    /**
     * Records per second while fetching ({@code fetch.nMsg.sec}): the consumer's own pace, without the time its
     * group took to join ({@code nMsg.sec} includes that).
     */
    static double consumerRecordsPerSecond(String output) {
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith(CONSUMER_HEADER)) {
                String[] names = lines[i].split(",\\s*");
                String[] values = lines[i + 1].split(",\\s*");
                for (int c = 0; c < names.length && c < values.length; c++) {
                    if (names[c].equals("fetch.nMsg.sec")) {
                        return Double.parseDouble(values[c]);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no ConsumerPerformance summary in:\n" + output);
    }

    /** p50, p99 and p99.9 in milliseconds. */
    static double[] endToEndPercentiles(String output) {
        Matcher m = E2E_PERCENTILES.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no EndToEndLatency percentiles in:\n" + output);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))};
    }
}
