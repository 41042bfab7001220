package dev.paymon.benchmark.pipeline;

import java.util.List;

/**
 * When a constant rate counts as sustained: the publisher accepted at least {@value #MIN_ACCEPTED} of the offered
 * events, and the pipeline's total consumer lag stayed bounded, that is at the end of the hold (the mean of the last
 * {@value #END_SAMPLES} one-second samples) it is at most {@value #MAX_LAG_SECONDS} s worth of events, and over the
 * last {@value #TREND_SAMPLES} s it did not grow by more than {@value #MAX_GROWTH} of the rate per second (least
 * squares slope), unless it ends below {@value #NEGLIGIBLE_LAG_SECONDS} s worth of events.
 */
public final class SustainedCriterion {

    public static final double MIN_ACCEPTED = 0.98;
    public static final double MIN_ACCEPTED_PERCENT = MIN_ACCEPTED * 100;
    public static final double MAX_LAG_SECONDS = 2.0;
    public static final double MAX_GROWTH = 0.02;
    public static final double NEGLIGIBLE_LAG_SECONDS = 1.0;
    public static final int END_SAMPLES = 5;
    public static final int TREND_SAMPLES = 30;

    /** The verdict with its reasons. */
    public record Verdict(boolean sustained, double acceptedShare, double endLag, double growthPerSecond,
                          String reason) {
    }

    private SustainedCriterion() {
    }

    /**
     * @param rate          the offered rate, events/s
     * @param accepted      events the publisher accepted per second
     * @param lagPerSecond  total lag sampled once a second during the hold, oldest first
     */
    public static Verdict judge(double rate, double accepted, List<Long> lagPerSecond) {
        double share = accepted / rate;
        int n = lagPerSecond.size();
        double endLag = lagPerSecond.subList(Math.max(0, n - END_SAMPLES), n).stream()
                .mapToLong(Long::longValue).average().orElse(Double.NaN);
        double growth = slope(lagPerSecond.subList(Math.max(0, n - TREND_SAMPLES), n));
        StringBuilder reason = new StringBuilder();
        if (share < MIN_ACCEPTED) {
            reason.append(String.format("publisher accepted %.1f %% < %.0f %%; ", share * 100, MIN_ACCEPTED * 100));
        }
        if (!(endLag <= MAX_LAG_SECONDS * rate)) {
            reason.append(String.format("end lag %.0f > %.0f; ", endLag, MAX_LAG_SECONDS * rate));
        }
        // A lag under a second's worth is bounded whatever its trend: it jumps by a batch whenever windows
        // close or a transaction commits, which over 30 s can look like growth.
        if (!(growth <= MAX_GROWTH * rate) && !(endLag <= NEGLIGIBLE_LAG_SECONDS * rate)) {
            reason.append(String.format("lag growing %.0f/s > %.0f/s; ", growth, MAX_GROWTH * rate));
        }
        boolean sustained = reason.isEmpty();
        return new Verdict(sustained, share, endLag, growth, sustained ? "kept up" : reason.toString().trim());
    }

    /** Least-squares slope per sample of {@code values} (0 for fewer than two). */
    static double slope(List<Long> values) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToLong(Long::longValue).average().orElse(0);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            numerator += (i - meanX) * (values.get(i) - meanY);
            denominator += (i - meanX) * (i - meanX);
        }
        return numerator / denominator;
    }
}
