/**
 * Kafka's own perf tools as the benchmark's baselines: {@link KafkaTools} runs them from {@code kafka-tools} as child
 * JVMs against the benchmark's broker, and {@code KafkaToolOutput} reads the figures out of what they print.
 */
package dev.paymon.benchmark.kafka;
