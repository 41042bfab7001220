package dev.paymon.systemtest.overload;

import dev.paymon.systemtest.SystemStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One row of the README's reliability table, written to {@code system-tests/target/reliability/<fault>.md} by the
 * test that ran the fault: fault, events sent, acknowledged, delivered, late, in DLQ, duplicates, lost.
 */
record ReliabilityRow(String fault, int sent, int acknowledged, int delivered, int late, int inDlq, int duplicates,
                      int lost) {

    static ReliabilityRow of(String fault, int sent, DeliveryCheck delivery) {
        return new ReliabilityRow(fault, sent, delivery.acknowledged(), delivery.delivered(), delivery.late(),
                delivery.inDlq(), delivery.duplicates(), delivery.lost());
    }

    String markdown() {
        return "| %s | %d | %d | %d | %d | %d | %d | %d |".formatted(fault, sent, acknowledged, delivered, late, inDlq,
                duplicates, lost);
    }

    /** Writes the row to {@code target/reliability/<file>.md}, replacing the last run's. */
    Path write(String file) {
        return writeReport(file + ".md", markdown() + System.lineSeparator());
    }

    /** Writes {@code text} to {@code system-tests/target/reliability/<file>}, replacing the last run's. */
    static Path writeReport(String file, String text) {
        try {
            Path dir = SystemStack.root().resolve("system-tests").resolve("target").resolve("reliability");
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
