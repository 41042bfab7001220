package dev.paymon.subscriber.stream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stops an executor of the stream: its tasks get {@code seconds} to end, then are interrupted. */
final class ExecutorStop {

    private ExecutorStop() {
    }

    static void stop(ExecutorService executor, int seconds) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
