package dev.paymon.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark table in the docs is the one a run writes, in the report's format. */
class DocsSectionTests {

    @Test
    void writingReplacesOnlyTheSectionBetweenTheMarkers() {
        String document = "intro\n" + DocsSection.BEGIN + "\nold\n" + DocsSection.END + "\nafter\n";

        String written = DocsSection.replace(document, "| new |\n");

        assertThat(written).isEqualTo("intro\n" + DocsSection.BEGIN + "\n| new |\n" + DocsSection.END + "\nafter\n");
        assertThat(DocsSection.section(written)).isEqualTo("| new |");
    }

    @Test
    void theDocumentsTableHasTheReportsColumns() throws IOException {
        Path root = Path.of(System.getProperty("paymon.root", "..")).toAbsolutePath().normalize();
        List<String> lines = DocsSection.section(Files.readString(root.resolve(DocsSection.DOCUMENT))).lines()
                .toList();
        String header = new Report(List.of(), List.of(), new Results(), List.of()).figures().lines().findFirst()
                .orElseThrow();

        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines.subList(2, lines.size())).as("rows").isNotEmpty()
                .allSatisfy(row -> assertThat(row.split("\\|", -1)).as(row).hasSameSizeAs(header.split("\\|", -1)));
    }
}
