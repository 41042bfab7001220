package dev.paymon.processor.monitoring;

/**
 * When each partition of {@code payments.initiated.v1} was last known to be caught up: every record appended to it
 * before that time processed and committed, nothing fetched or waiting. A task's watermark may follow the wall clock
 * only up to that time, so a partition with a backlog closes its windows by event time alone.
 */
@FunctionalInterface
public interface InputProgress {

    /** Never known to be caught up: the wall clock closes no window. */
    InputProgress NEVER = (partition, now) -> -1;

    /** Always caught up, as a partition is after every record was piped into a {@code TopologyTestDriver}. */
    InputProgress ALWAYS = (partition, now) -> now;

    /**
     * @param partition the input partition (the task's)
     * @param now       the caller's wall-clock time (epoch ms)
     * @return the latest wall-clock time (epoch ms, at most {@code now}) at which every record appended to the
     *         partition before it had been processed and committed; -1 when not known
     */
    long caughtUpAt(int partition, long now);
}
