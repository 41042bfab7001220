/**
 * Runs the whole pipeline on one machine without Docker: {@link LocalStack} starts a real KRaft broker (or a
 * {@link KafkaCluster}) and the three service jars, each its own JVM ({@link ManagedProcess}). {@link LocalLauncher} is
 * what {@code ./run-local.sh} runs; the system tests and the benchmarks start {@link LocalStack} too, so all of them
 * run exactly the same thing.
 */
package dev.paymon.launcher;
