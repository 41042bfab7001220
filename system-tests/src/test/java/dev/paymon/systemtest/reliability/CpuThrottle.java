package dev.paymon.systemtest.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a process to a share of the machine's time by stopping and continuing it (SIGSTOP, SIGCONT) every
 * {@code period}, as a noisy neighbour or a small container's CPU quota would: the process runs {@code share} of each
 * period and is frozen the rest. Real code on a slow machine, so that a test can drive a pipeline far beyond its
 * sustained rate with a volume the load generator and the checker can keep up with. {@link #close()} lets it run
 * freely again.
 */
final class CpuThrottle implements AutoCloseable {

    private final long pid;
    private final long runNanos;
    private final long stopNanos;
    private final Thread cycle;
    private volatile boolean running = true;

    CpuThrottle(long pid, double share, Duration period) {
        if (share <= 0 || share >= 1) {
            throw new IllegalArgumentException("share must lie between 0 and 1, was " + share);
        }
        this.pid = pid;
        this.runNanos = (long) (period.toNanos() * share);
        this.stopNanos = period.toNanos() - runNanos;
        this.cycle = new Thread(this::cycle, "cpu-throttle-" + pid);
        this.cycle.setDaemon(true);
        this.cycle.start();
    }

    private void cycle() {
        while (running) {
            signal("CONT");
            LockSupport.parkNanos(runNanos);
            if (!running) {
                break;
            }
            signal("STOP");
            LockSupport.parkNanos(stopNanos);
        }
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + name + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(cycle);
        try {
            cycle.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signal("CONT");
    }
}
