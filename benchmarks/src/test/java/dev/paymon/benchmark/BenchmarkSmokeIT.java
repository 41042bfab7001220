package dev.paymon.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.benchmark.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark, quick and one round, against a real broker, the real service jars and PostgreSQL: every row
 * of the table gets a number, and the report file is written. Whether the figures are good is not its business.
 */
class BenchmarkSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("paymon.root", "..")).toAbsolutePath().normalize();

    @Test
    void quickRunFillsEveryRowOfTheTable() throws IOException {
        Path out = ROOT.resolve("benchmarks/target/smoke/benchmark-results.md");
        Options options = Options.parse(List.of("--quick", "--rounds=1", "--out=" + out), ROOT);

        Report report = Benchmark.run(options, ROOT, "./benchmark.sh --quick --rounds=1");

        String markdown = report.markdown();
        assertThat(report.missing()).as("rows without a number in:\n%s", markdown).isEmpty();
        assertThat(markdown).doesNotContain("n/a").doesNotContain("Section failed");
        assertThat(Files.readString(out)).isEqualTo(markdown);
        assertThat(markdown).contains("| Publisher | One payment per request, 64 connections |")
                .contains("| Pipeline | Highest sustained rate, exactly-once |")
                .contains("Machine: " + Runtime.getRuntime().availableProcessors() + " cores");
        if (Boolean.getBoolean("paymon.require-postgres")) {
            assertThat(markdown).contains("Subscriber database: PostgreSQL");
        }
    }
}
