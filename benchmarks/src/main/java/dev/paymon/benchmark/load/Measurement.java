package dev.paymon.benchmark.load;

import org.HdrHistogram.Histogram;

/**
 * What a load run did in one window: requests answered 2xx, answered otherwise, failed (no answer), events the
 * server accepted, and every request's latency (in nanoseconds; for an open loop from its due time).
 */
public record Measurement(double seconds, long successful, long unsuccessful, long failed, long events,
                          Histogram latencies) {

    public double successfulPerSecond() {
        return successful / seconds;
    }

    public double eventsPerSecond() {
        return events / seconds;
    }

    /** The latency at {@code percentile} (0 to 100) in milliseconds. */
    public double latencyMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }
}
