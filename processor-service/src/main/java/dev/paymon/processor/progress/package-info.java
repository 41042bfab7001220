/**
 * How far the processor has worked through its input, read from the cluster: per partition of
 * {@code payments.initiated.v1}, when everything appended to it had last been processed and committed (the partitions'
 * end offsets against the application's committed offsets). It implements the monitor's
 * {@link dev.paymon.processor.monitoring.InputProgress}: the wall clock closes a task's windows only up to then.
 */
package dev.paymon.processor.progress;
