/**
 * The benchmark's own stack on this machine: {@link BenchStack} starts a Kafka broker, the three service jars (through
 * {@link dev.paymon.launcher.LocalStack}) and the echo endpoint on free ports in a fresh data folder, with the
 * subscriber on its {@link Database}; {@link Footprint} samples each service's heap and resident set size.
 */
package dev.paymon.benchmark.stack;
