package dev.paymon.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.systemtest.SystemStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reliability table in the docs is the one the fault tests write, in their one format. */
class ReliabilityReportTests {

    private static final ReliabilityRow ROW = new ReliabilityRow("processor stopped", "ProcessFaultsIT", 1160, 1160,
            1127, 0, 33, 0, 0, null, "all 12 agree", Duration.ofSeconds(391));

    @Test
    void aRowHasTheHeadersColumnsAndShowsUncountedFiguresAsADash() {
        assertThat(ROW.markdown())
                .isEqualTo("| processor stopped | `ProcessFaultsIT` | 1,160 | 1,160 | 1,127 | 0 | 33 | 0 | 0 | — "
                        + "| all 12 agree | 391 s |");
        assertThat(columns(ROW.markdown())).isEqualTo(columns(ReliabilityReport.HEADER.lines().findFirst().orElseThrow()));
    }

    @Test
    void theTableIsTheHeaderAndTheFirstLineOfEveryRowFileInFileNameOrder(@TempDir Path rows) throws IOException {
        Files.writeString(rows.resolve("20-second.md"), "| second |\n- note: not in the table\n");
        Files.writeString(rows.resolve("01-first.md"), "| first |\n");
        Files.writeString(rows.resolve("overload-figures.md"), "figures, not a row\n");

        assertThat(ReliabilityReport.table(rows)).isEqualTo(ReliabilityReport.HEADER + "\n| first |\n| second |");
    }

    @Test
    void writingReplacesOnlyTheSectionBetweenTheMarkers() {
        String document = "before\n" + ReliabilityReport.BEGIN + "\nold table\n" + ReliabilityReport.END + "\nafter\n";

        String written = ReliabilityReport.replaceSection(document, "new table");

        assertThat(written).isEqualTo("before\n" + ReliabilityReport.BEGIN + "\nnew table\n" + ReliabilityReport.END
                + "\nafter\n");
        assertThat(ReliabilityReport.section(written)).isEqualTo("new table");
    }

    @Test
    void theDocumentsTableIsInTheReportsFormat() throws IOException {
        String section = ReliabilityReport.section(
                Files.readString(SystemStack.root().resolve(ReliabilityReport.DOCUMENT)));
        List<String> lines = section.lines().toList();

        assertThat(String.join("\n", lines.subList(0, 2))).isEqualTo(ReliabilityReport.HEADER);
        assertThat(lines.subList(2, lines.size())).as("rows").isNotEmpty()
                .allSatisfy(row -> assertThat(columns(row)).as(row).isEqualTo(columns(lines.get(0))));
    }

    private static int columns(String row) {
        return row.split(" \\| ", -1).length;
    }
}
