/**
 * The one-command benchmark ({@code ./benchmark.sh}): {@link Benchmark} reads the {@link Options}, runs each section
 * ({@code HttpBenchmark}, {@code BatchBenchmark}, {@code PipelineBenchmark}, {@code SustainedRate},
 * {@code StartupBenchmark}, {@code KafkaBaselines}) for the rounds asked for and prints the markdown table of
 * {@code Figures} with its {@code Notes}. The subpackages hold the parts the sections are built from.
 */
package dev.paymon.benchmark;
