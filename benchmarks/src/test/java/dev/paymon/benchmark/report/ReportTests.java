package dev.paymon.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTests {

    private static Results results() {
        Results results = new Results();
        results.add("echo.rps.64", 10_000);
        results.add("echo.rps.64", 12_000);
        results.add("echo.rps.64", 11_000);
        results.add("publisher.rps.64", 8_000);
        results.add("publisher.rps.64", 9_000);
        results.add("publisher.rps.64", 8_500);
        results.add("e2e.p50", 4.25);
        results.add("e2e.p99", 61);
        return results;
    }

    @Test
    void medianOfOddAndEvenCountsIgnoringNaN() {
        assertThat(Results.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2);
        assertThat(Results.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Results.median(List.of(Double.NaN, 5.0))).isEqualTo(5);
        assertThat(Results.median(List.of())).isNaN();
    }

    @Test
    void formatsNumbersWithTheDigitsThatMatter() {
        assertThat(Markdown.number(123_456.7)).isEqualTo("123,457");
        assertThat(Markdown.number(256)).isEqualTo("256");
        assertThat(Markdown.number(61.04)).isEqualTo("61.0");
        assertThat(Markdown.number(4.256)).isEqualTo("4.26");
        assertThat(Markdown.number(Double.NaN)).isEqualTo("n/a");
        assertThat(Markdown.number(Double.POSITIVE_INFINITY)).isEqualTo("not kept up");
        assertThat(Markdown.ratio(0.7727)).isEqualTo("0.77");
        assertThat(Markdown.ratio(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }

    @Test
    void tableEscapesPipesInCells() {
        assertThat(Markdown.table(List.of("a", "b"), List.of(List.of("1", "x|y"))))
                .isEqualTo("| a | b |\n| --- | --- |\n| 1 | x\\|y |\n");
    }

    @Test
    void rowShowsMedianRatioToBaselineAndWhetherTheTargetIsMet() {
        Row publisher = Row.single("Publisher", "One payment per request, 64 connections", "req/s",
                "publisher.rps.64", "echo.rps.64", "echo, 64 connections", Target.ratioAtLeast(0.75));
        Report report = new Report(List.of("Rounds: 3"), List.of(publisher), results(), List.of("a note"));

        assertThat(report.figures()).contains(
                "| Publisher | One payment per request, 64 connections | 8,500 | req/s | 0.77 | echo, 64 connections"
                        + " | ≥ 75 % of baseline | yes |");
        assertThat(report.markdown()).startsWith("- Rounds: 3\n")
                .contains("| publisher.rps.64 | 8,000; 9,000; 8,500 |")
                .contains("- a note");
    }

    @Test
    void targetOnOneOfSeveralValuesAndMissingValues() {
        Row latency = new Row("Pipeline", "End-to-end", "ms", List.of("e2e.p50", "e2e.p99", "e2e.p999"),
                List.of("p50", "p99", "p99.9"), Arrays.asList((String) null), null, Target.atMost(1, 50));
        Report report = new Report(List.of(), List.of(latency), results(), List.of());

        assertThat(report.figures()).contains("| Pipeline | End-to-end (p50 / p99 / p99.9) | 4.25 / 61 / n/a | ms |  |"
                + "  | p99 ≤ 50 | **no** |");
        assertThat(report.missing()).containsExactly("e2e.p999");
    }

    @Test
    void targetsCompareValueOrRatio() {
        assertThat(Target.atLeast(20_000).met(20_000, Double.NaN)).isTrue();
        assertThat(Target.atMost(0, 256).met(256.5, Double.NaN)).isFalse();
        assertThat(Target.ratioAtLeast(0.5).met(1, Double.NaN)).isFalse();
    }
}
