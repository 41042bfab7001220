package dev.paymon.publisher.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who may start a publishing request: at most {@code max} at once, and nobody once the service is draining for
 * shutdown. Entering never waits.
 */
final class Admission {

    /** Whether a request may go ahead, and if not, why. */
    enum Verdict { ADMITTED, OVERLOADED, SHUTTING_DOWN }

    private final int max;
    private final Semaphore permits;
    private volatile boolean draining;

    Admission(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** On {@link Verdict#ADMITTED}, {@link #leave()} must follow. */
    Verdict tryEnter() {
        if (draining) {
            return Verdict.SHUTTING_DOWN;
        }
        return permits.tryAcquire() ? Verdict.ADMITTED : Verdict.OVERLOADED;
    }

    void leave() {
        permits.release();
    }

    /** Admits nobody from now on, and waits up to {@code timeout} for the requests in progress to end. */
    boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        if (!permits.tryAcquire(max, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        permits.release(max);
        return true;
    }

    /** Admits requests (again). */
    void open() {
        draining = false;
    }

    int inFlight() {
        return max - permits.availablePermits();
    }

    int max() {
        return max;
    }
}
