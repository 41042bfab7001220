package dev.paymon.systemtest.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Concatenates the rows the fault tests wrote ({@code system-tests/target/reliability/*.md}, in file name order)
 * into the markdown table of the README's Reliability section. Run from the repository root after the fault tests:
 * {@code java system-tests/src/test/java/dev/paymon/systemtest/reliability/ReliabilityReport.java}
 * (a single-file program: it needs nothing but the JDK), or call {@link #table(Path)}.
 */
public final class ReliabilityReport {

    static final String HEADER = """
            | fault | sent | acknowledged | delivered | late | in DLQ | duplicates | lost | retries | services' counters | test time |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |""";

    private ReliabilityReport() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "system-tests/target/reliability");
        System.out.println(table(directory));
    }

    /** The table: the header, then the first line (the row) of every {@code .md} file in {@code directory}. */
    static String table(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return HEADER + "\n" + files.filter(f -> f.toString().endsWith(".md")).sorted()
                    .map(ReliabilityReport::firstLine).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("no rows in " + directory.toAbsolutePath() + ": run the fault tests first", e);
        }
    }

    private static String firstLine(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
