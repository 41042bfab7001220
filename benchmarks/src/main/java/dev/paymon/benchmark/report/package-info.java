/**
 * The benchmark's markdown result: {@link Results} collects every measured value by figure id, {@link Row}s and their
 * {@link Target}s describe the table, and {@link Report} prints it with {@link Markdown}'s tables and number format.
 */
package dev.paymon.benchmark.report;
