package dev.paymon.subscriber.projection;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Keeps a rebuild of the projections apart from this process's projection batches: each batch transaction runs
 * under the shared lock, a rebuild's reset under the exclusive one, so a batch that outlived its consumer's stop
 * (a container waits only so long) still finishes before the projections are emptied, and none starts meanwhile.
 * Other processes on the same database are kept apart by the database's locks (see {@code ConsumerOffsetRepository}).
 */
@Component
public class ProjectionLock {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T batch(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code reset} while no projection batch of this process runs. */
    public void exclusively(Runnable reset) {
        lock.writeLock().lock();
        try {
            reset.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
