/**
 * The stateful heart of the pipeline: per task, {@code AccountMonitor} keeps each account's tumbling event-time windows
 * and the watermark, runs the fraud rules and emits payments, alerts and windows' final results as {@link Outcome}s;
 * {@link AccountMonitoring} supplies it with its state stores. It learns when a partition is caught up through
 * {@link InputProgress}, and depends on the rules and dead-lettering, never on the payment topology.
 */
package dev.paymon.processor.monitoring;
