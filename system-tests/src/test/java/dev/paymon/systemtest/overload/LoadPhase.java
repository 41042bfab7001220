package dev.paymon.systemtest.overload;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The outcomes of one phase of load, with the figures the tests assert and report. */
record LoadPhase(String phase, double offeredPerSecond, double seconds, List<Outcome> outcomes) {

    int sent() {
        return outcomes.size();
    }

    long count(Predicate<Outcome> which) {
        return outcomes.stream().filter(which).count();
    }

    Set<String> acknowledgedIds() {
        return outcomes.stream().filter(Outcome::acknowledged).map(Outcome::paymentId).collect(Collectors.toSet());
    }

    /** Acknowledged payments per second of the phase. */
    double goodput() {
        return count(Outcome::acknowledged) / seconds;
    }

    /** Share of requests answered 429 or 503, in percent. */
    double shedPercent() {
        return sent() == 0 ? 0 : 100.0 * count(o -> o.status() == 429 || o.status() == 503) / sent();
    }

    /** The latency (ms) below which {@code percentile} % of the matching outcomes were answered. */
    double latencyMillis(double percentile, Predicate<Outcome> which) {
        List<Double> sorted = outcomes.stream().filter(which).map(Outcome::latencyMillis).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    double p99Millis() {
        return latencyMillis(99, o -> true);
    }

    /** Outcomes by status (0: no answer), for messages. */
    Map<Integer, Long> byStatus() {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    }

    /** Problem answers by type, for messages. */
    Map<String, Long> problems() {
        return outcomes.stream().filter(o -> o.problemType() != null)
                .collect(Collectors.groupingBy(Outcome::problemType, TreeMap::new, Collectors.counting()));
    }

    /** Failures without an answer by their message, for messages. */
    Map<String, Long> failures() {
        return outcomes.stream().filter(o -> o.failure() != null)
                .collect(Collectors.groupingBy(Outcome::failure, TreeMap::new, Collectors.counting()));
    }

    Outcome slowest() {
        return outcomes.stream().max(Comparator.comparingLong(Outcome::latencyNanos)).orElseThrow();
    }

    String summary() {
        return ("%s: %d sent at %.0f/s in %.1f s, %.0f acknowledged/s, %.1f %% shed, p50 %.1f ms, p99 %.1f ms, "
                + "by status %s%s")
                .formatted(phase, sent(), offeredPerSecond, seconds, goodput(), shedPercent(),
                        latencyMillis(50, o -> true), p99Millis(), byStatus(),
                        failures().isEmpty() ? "" : ", failures " + failures());
    }
}
