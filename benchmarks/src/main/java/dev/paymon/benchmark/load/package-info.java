/**
 * The HTTP load generator: {@link LoadRun} drives closed or open loops (no coordinated omission) with one keep-alive
 * {@link HttpConnection} per thread, over the requests a {@link RequestSource} makes ({@link Payments} for the
 * publisher), and reports a {@link Measurement} per window. Kept cheap, as it shares the machine with the services it
 * measures.
 */
package dev.paymon.benchmark.load;
