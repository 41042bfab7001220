package dev.paymon.systemtest.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One row of the reliability table in {@code docs/reliability.md}, the one format every fault test writes: what it
 * sent and what became of it, counted by payment id. {@link ReliabilityReport} puts the rows together. A figure a
 * test does not count is {@code null} and shows as "—".
 *
 * @param fault        what was done to the stack
 * @param test         the test class that did it
 * @param sent         distinct payments (or records) sent; a retry of the same id is not another one
 * @param acknowledged of those, answered 202 by the publisher (poison records: acknowledged by the broker)
 * @param delivered    acknowledged payments on {@code payments.enriched.v1} and in the database
 * @param late         of the delivered, those processed after their window had closed
 * @param deadLettered sent payments or records on a dead-letter topic
 * @param duplicates   records or rows more than once, on the topics or in the database
 * @param lost         acknowledged payments neither delivered nor dead-lettered
 * @param retries      HTTP requests sent again with the same payment id
 * @param counters     how the services' own counters compared with what was found ("not compared" when not)
 * @param duration     the test's time, its stack's start included
 */
public record ReliabilityRow(String fault, String test, int sent, int acknowledged, int delivered, Integer late,
                             int deadLettered, int duplicates, int lost, Integer retries, String counters,
                             Duration duration) {

    /** The markdown row, numbers with thousands separators. */
    public String markdown() {
        return "| %s | `%s` | %,d | %,d | %,d | %s | %,d | %,d | %,d | %s | %s | %d s |".formatted(fault, test, sent,
                acknowledged, delivered, count(late), deadLettered, duplicates, lost, count(retries), counters,
                duration.toSeconds());
    }

    /**
     * Writes the row, then {@code details} (lines for the file only, such as problems and notes), to
     * {@code system-tests/target/reliability/<file>.md}, replacing the last run's. {@code file} starts with two digits,
     * which order the table.
     */
    public Path write(String file, List<String> details) {
        if (!file.matches("\\d\\d-.+")) {
            throw new IllegalArgumentException("a row file starts with two digits that order the table: " + file);
        }
        StringBuilder text = new StringBuilder(markdown()).append('\n');
        details.forEach(line -> text.append(line).append('\n'));
        return writeFile(file + ".md", text.toString());
    }

    /** Writes {@code text} to {@code system-tests/target/reliability/<name>}, beside the rows (figures of a test). */
    public static Path writeFile(String name, String text) {
        try {
            Path directory = SystemStackPaths.reliability();
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String count(Integer value) {
        return value == null ? "—" : "%,d".formatted(value);
    }
}
