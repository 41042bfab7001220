package dev.paymon.benchmark.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The markdown result: the run's header, the figures with ratios and targets, the raw values, the notes. */
public final class Report {

    private final List<String> header;
    private final List<Row> rows;
    private final Results results;
    private final List<String> notes;

    /**
     * @param header lines of {@code key: value} describing the machine and the run
     */
    public Report(List<String> header, List<Row> rows, Results results, List<String> notes) {
        this.header = header;
        this.rows = rows;
        this.results = results;
        this.notes = notes;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append('\n').append(figures()).append('\n');
        out.append("Per-round values (the table shows their median):\n\n").append(raw()).append('\n');
        if (!notes.isEmpty()) {
            out.append("How each figure is measured:\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** The figures table: a row per figure with its median, ratio to its baseline, and target. */
    public String figures() {
        List<List<String>> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(line(row));
        }
        return Markdown.table(List.of("Section", "Figure", "Median", "Unit", "Ratio to baseline", "Baseline",
                "Target", "Met"), lines);
    }

    private List<String> line(Row row) {
        List<String> values = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        boolean anyBaseline = false;
        double targetValue = Double.NaN;
        double targetRatio = Double.NaN;
        for (int i = 0; i < row.ids().size(); i++) {
            double value = results.median(row.ids().get(i));
            String baselineId = row.baselineId(i);
            double ratio = baselineId == null ? Double.NaN : value / results.median(baselineId);
            anyBaseline |= baselineId != null;
            values.add(Markdown.number(value));
            ratios.add(Markdown.ratio(ratio));
            if (row.target() != null && row.target().index() == i) {
                targetValue = value;
                targetRatio = ratio;
            }
        }
        String names = row.valueNames().stream().allMatch(String::isEmpty) ? ""
                : " (" + String.join(" / ", row.valueNames()) + ")";
        String target = row.target() == null ? "" : row.target().describe(
                row.valueNames().get(row.target().index()));
        String met = row.target() == null ? "" : row.target().met(targetValue, targetRatio) ? "yes" : "**no**";
        return List.of(row.section(), row.figure() + names, String.join(" / ", values), row.unit(),
                anyBaseline ? String.join(" / ", ratios) : "", row.baselineName() == null ? "" : row.baselineName(),
                target, met);
    }

    String raw() {
        List<List<String>> lines = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : results.all().entrySet()) {
            lines.add(List.of(e.getKey(), e.getValue().stream().map(Markdown::number)
                    .collect(Collectors.joining("; "))));
        }
        return Markdown.table(List.of("Result id", "Rounds"), lines);
    }

    /** Ids of rows without a number for each of their values (what the smoke test checks is empty). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
            for (String id : row.ids()) {
                if (Double.isNaN(results.median(id))) {
                    missing.add(id);
                }
            }
        }
        return missing;
    }
}
