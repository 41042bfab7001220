package dev.paymon.processor.health;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A stream thread that dies of an unexpected error is replaced: with exactly-once its open
 * transaction is aborted and the new thread resumes from the last committed offsets. Bad records
 * never get here, they go to the dead-letter topic.
 *
 * <p>The global thread (reference tables) cannot be replaced, so its failure shuts the client down
 * and health turns DOWN. We answer that directly: Kafka Streams 4.1 would also shut down when asked
 * to replace it, but then fails with a {@code ClassCastException} on the way.
 */
public final class ReplaceFailedStreamThreads implements StreamsUncaughtExceptionHandler {

    /** Kafka Streams names its global thread {@code <client id>-GlobalStreamThread}. */
    private static final String GLOBAL_THREAD_SUFFIX = "-GlobalStreamThread";

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        return Thread.currentThread().getName().endsWith(GLOBAL_THREAD_SUFFIX)
                ? StreamThreadExceptionResponse.SHUTDOWN_CLIENT
                : StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
