package dev.paymon.systemtest.brokers;

import dev.paymon.systemtest.SystemStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One row of the README's reliability table: what a fault test sent and what became of it. Written to
 * {@code system-tests/target/reliability/<file>.md} as one markdown table row, in the columns of the shared
 * {@code dev.paymon.systemtest.reliability} report (fault, sent, acknowledged, delivered, late, in DLQ, duplicates, lost,
 * retries, services' counters, test time); these tests do not compare the services' counters. A stand-in for that
 * package's row type.
 *
 * @param sent          distinct payments the clients tried to send (a retry of the same {@code paymentId} is not
 *                      another one)
 * @param acknowledged  of those, answered 202 by the publisher
 * @param delivered     acknowledged payments found in {@code payments.enriched.v1} and in the database
 * @param late          of the delivered, those processed after their window had closed
 * @param deadLettered  acknowledged payments in {@code payments.dlq.v1}
 * @param duplicates    extra copies: a payment more than once in {@code payments.enriched.v1}, the DLQ or the
 *                      database, or in both topics
 * @param lost          acknowledged payments neither delivered nor dead-lettered
 * @param retries       requests sent again with the same {@code paymentId}
 * @param duration      the test's time, its stack's start included
 */
record FaultRow(String fault, int sent, int acknowledged, int delivered, int late, int deadLettered, int duplicates,
                int lost, int retries, Duration duration) {

    String markdown() {
        return "| %s | %d | %d | %d | %d | %d | %d | %d | %d | not compared | %d s |".formatted(fault, sent,
                acknowledged, delivered, late, deadLettered, duplicates, lost, retries, duration.toSeconds());
    }

    /** Writes the row to {@code system-tests/target/reliability/<file>.md}, replacing the last run's. */
    Path write(String file) {
        Path path = SystemStack.root().resolve("system-tests/target/reliability").resolve(file + ".md");
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, markdown() + "\n");
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
