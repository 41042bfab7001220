package dev.paymon.launcher;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness check until it passes, the process dies, or the deadline passes. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(250);

    private Waits() {
    }

    static void until(String what, Duration timeout, ManagedProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            process.checkAlive();
            if (System.nanoTime() > deadline) {
                throw new LauncherException(what + " not ready after " + timeout.toSeconds() + " s; last lines of "
                        + process.log() + ":\n" + Logs.tail(process.log(), 30));
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis()); // a poll interval between readiness checks, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting");
        }
    }
}
