package dev.paymon.systemtest.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the reliability table: what a fault test sent and what came out, counted by payment id.
 *
 * @param sent         payments sent (each once, however often it was retried)
 * @param acknowledged payments the publisher answered 202
 * @param delivered    sent payments on {@code payments.enriched.v1}
 * @param late         delivered payments the processor handled after their window had closed (in no window's
 *                     result, counted by every rule)
 * @param deadLettered sent payments on {@code payments.dlq.v1}
 * @param duplicates   records or rows more than once: payments, alerts, windows and dead letters, on the topics
 *                     and in the database (per account summaries counted against the rows)
 * @param lost         acknowledged payments missing from both topics or from the database
 * @param retries      HTTP requests sent again with the same payment id
 * @param counters     how the services' own counters compared with what was found
 * @param problems     everything the checker found wrong; empty when the run is clean
 * @param notes        how the run went (when the faults came), for the file only
 */
record FaultReport(String fault, int sent, int acknowledged, int delivered, int late, int deadLettered,
                   int duplicates, int lost, int retries, String counters, Duration duration, List<String> problems,
                   List<String> notes) {

    static final String HEADER = ReliabilityReport.HEADER;

    String row() {
        return tableRow().markdown();
    }

    ReliabilityRow tableRow() {
        return new ReliabilityRow(fault, ProcessFaultsIT.class.getSimpleName(), sent, acknowledged, delivered, late,
                deadLettered, duplicates, lost, retries, counters, duration);
    }

    boolean clean() {
        return problems.isEmpty();
    }

    /** Writes the row to {@code system-tests/target/reliability/<file>.md}, the problems and notes after it as lists. */
    void write(String file) {
        List<String> details = new ArrayList<>();
        problems.forEach(problem -> details.add("- problem: " + problem));
        notes.forEach(note -> details.add("- note: " + note));
        tableRow().write(file, details);
    }

    /** The whole report, to fail a test with. */
    String describe() {
        return fault + ": " + (clean() ? "clean" : problems.size() + " problem(s)") + "\n" + HEADER + "\n" + row()
                + (clean() ? "" : "\n- " + String.join("\n- ", problems)) + "\nnotes: " + notes;
    }
}
