package dev.paymon.processor.payments;

import dev.paymon.processor.monitoring.InputProgress;

/** An {@link InputProgress} a test sets: caught up at a given time, or (at first) never. */
final class SettableProgress implements InputProgress {

    private volatile long caughtUpAt = -1;

    void caughtUpAt(long time) {
        caughtUpAt = time;
    }

    @Override
    public long caughtUpAt(int partition, long now) {
        return caughtUpAt < 0 ? -1 : Math.min(caughtUpAt, now);
    }
}
