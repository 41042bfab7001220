package dev.paymon.subscriber.rebuild;

/**
 * How far one projection's consumer group has rebuilt one partition.
 *
 * @param position the offset of the next record it applies
 * @param target   the offset it had reached before the rebuild: every record it held is back once
 *                 {@code position} reaches it
 */
record PartitionProgress(String group, String topic, int partition, long position, long target) {

    boolean rebuilt() {
        return position >= target;
    }

    /** Offsets left to apply again before every record held before is back (transaction markers included). */
    long remaining() {
        return Math.max(0, target - position);
    }
}
