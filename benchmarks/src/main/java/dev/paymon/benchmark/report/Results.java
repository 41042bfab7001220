package dev.paymon.benchmark.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every measured value by figure id, one per round, in the order measured. Thread-safe. */
public final class Results {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    public synchronized void add(String id, double value) {
        values.computeIfAbsent(id, k -> new ArrayList<>()).add(value);
    }

    public synchronized List<Double> values(String id) {
        return List.copyOf(values.getOrDefault(id, List.of()));
    }

    public synchronized Map<String, List<Double>> all() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((id, v) -> copy.put(id, List.copyOf(v)));
        return copy;
    }

    /** The median of the id's values (the mean of the middle two for an even count); NaN when it has none. */
    public double median(String id) {
        return median(values(id));
    }

    public static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
