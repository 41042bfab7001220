/**
 * The benchmark's load: {@link LoadRun} counts and times in HdrHistogram what the open or closed loops of
 * {@code dev.paymon.load} (module load-client) send, the requests a {@link RequestSource} makes ({@link Payments} for
 * the publisher), and reports a {@link Measurement} per window. Kept cheap, as it shares the machine with the services
 * it measures.
 */
package dev.paymon.benchmark.load;
