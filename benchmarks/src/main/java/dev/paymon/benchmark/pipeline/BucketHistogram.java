package dev.paymon.benchmark.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Prometheus histogram ({@code <name>_bucket{le=...}} cumulative counts) at one moment. The difference of two
 * scrapes ({@link #minus}) holds only what was recorded between them; its percentiles are interpolated linearly
 * within the bucket they fall in, so they are as exact as the bucket bounds are close.
 */
public record BucketHistogram(TreeMap<Double, Double> cumulativeByUpperBound) {

    /** Sums the {@code _bucket} samples of {@code metric} per upper bound (over every other label). */
    public static BucketHistogram of(List<PrometheusText.Sample> samples, String metric) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String bucket = metric + "_bucket";
        for (PrometheusText.Sample s : samples) {
            if (s.name().equals(bucket) && s.labels().containsKey("le")) {
                double le = s.labels().get("le").equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(s.labels().get("le"));
                buckets.merge(le, s.value(), Double::sum);
            }
        }
        return new BucketHistogram(buckets);
    }

    /** What was recorded after {@code earlier}. */
    public BucketHistogram minus(BucketHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> e : cumulativeByUpperBound.entrySet()) {
            delta.put(e.getKey(), e.getValue() - earlier.cumulativeByUpperBound.getOrDefault(e.getKey(), 0.0));
        }
        return new BucketHistogram(delta);
    }

    public double count() {
        return cumulativeByUpperBound.isEmpty() ? 0 : cumulativeByUpperBound.lastEntry().getValue();
    }

    /**
     * The value below which {@code percentile} (0 to 100) of the observations lie, interpolated linearly inside
     * its bucket (the first bucket starts at 0). In the open top bucket it is the highest finite bound. NaN when
     * empty.
     */
    public double percentile(double percentile) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = percentile / 100 * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> e : cumulativeByUpperBound.entrySet()) {
            double upper = e.getKey();
            double cumulative = e.getValue();
            if (cumulative >= rank && cumulative > below) {
                if (Double.isInfinite(upper)) {
                    return lower;
                }
                return lower + (upper - lower) * (rank - below) / (cumulative - below);
            }
            lower = upper;
            below = cumulative;
        }
        return lower;
    }

    /** The largest ratio between neighbouring finite bucket bounds in [from, to]: the resolution there. */
    public double resolution(double from, double to) {
        double worst = 1;
        Double previous = null;
        for (double bound : cumulativeByUpperBound.keySet()) {
            if (Double.isInfinite(bound)) {
                break;
            }
            if (previous != null && bound >= from && previous <= to && previous > 0) {
                worst = Math.max(worst, bound / previous);
            }
            previous = bound;
        }
        return worst;
    }
}
