package dev.paymon.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ReplaceFailedStreamThreadsTests {

    private final ReplaceFailedStreamThreads handler = new ReplaceFailedStreamThreads();

    @Test
    void replacesAFailedStreamThread() throws InterruptedException {
        assertThat(responseOn("paymon-processor-4f1c-StreamThread-1")).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shutsTheClientDownWhenTheGlobalThreadFails() throws InterruptedException {
        assertThat(responseOn("paymon-processor-4f1c-GlobalStreamThread")).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    /** Kafka Streams calls the handler on the thread that died. */
    private StreamThreadExceptionResponse responseOn(String threadName) throws InterruptedException {
        AtomicReference<StreamThreadExceptionResponse> response = new AtomicReference<>();
        Thread thread = new Thread(() -> response.set(handler.handle(new IllegalStateException("bug"))), threadName);
        thread.start();
        thread.join();
        return response.get();
    }
}
