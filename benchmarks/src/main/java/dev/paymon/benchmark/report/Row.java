package dev.paymon.benchmark.report;

import java.util.List;

/**
 * One line of the result table: one or more values (e.g. p50 / p99 / p99.9) named by their result ids, each with
 * the id of its baseline (or null), and at most one target.
 *
 * @param valueNames what each value is ({@code p50}...), empty for a single value
 */
public record Row(String section, String figure, String unit, List<String> ids, List<String> valueNames,
                  List<String> baselineIds, String baselineName, Target target) {

    public static Row single(String section, String figure, String unit, String id, String baselineId,
                             String baselineName, Target target) {
        return new Row(section, figure, unit, List.of(id), List.of(""),
                java.util.Arrays.asList(baselineId), baselineName, target);
    }

    public String baselineId(int index) {
        return baselineIds.get(Math.min(index, baselineIds.size() - 1));
    }
}
