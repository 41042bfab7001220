package dev.paymon.subscriber.rebuild;

/** A partition of a projected topic whose records below {@code firstOffset} retention has removed. */
record TruncatedPartition(String topic, int partition, long firstOffset) {
}
