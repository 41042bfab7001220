package dev.paymon.publisher.admission;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * The first step of a shutdown, before the web server's graceful shutdown: from here on every new publishing
 * request is answered with a 503 {@code shutting-down} problem (and its connection closed), for {@code drain} and at
 * least until the requests in progress are answered (each within the send timeout). Only then does the web server
 * stop accepting connections. So a client learns of the shutdown from an answer rather than from a connection
 * closed under a request it had just sent on a kept-alive connection, and every admitted request gets its real
 * answer. Readiness is already DOWN by then (Spring Boot turns it to REFUSING_TRAFFIC when the context closes).
 */
final class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Admission admission;
    private final Duration drain;
    private final Duration inFlightBound;
    private volatile boolean running;

    /** @param inFlightBound the longest a request in progress can take (the send timeout, plus a margin) */
    ShutdownDrain(Admission admission, Duration drain, Duration inFlightBound) {
        this.admission = admission;
        this.drain = drain;
        this.inFlightBound = inFlightBound;
    }

    @Override
    public void start() {
        admission.open();
        running = true;
    }

    @Override
    public void stop() {
        long until = System.nanoTime() + drain.toNanos();
        log.info("Draining: answering new publishing requests with 503 for {} ms and until the {} in progress are "
                + "answered", drain.toMillis(), admission.inFlight());
        try {
            if (!admission.drain(inFlightBound)) {
                log.warn("Draining: {} publishing requests still in progress after {} ms", admission.inFlight(),
                        inFlightBound.toMillis());
            }
            long remaining = until - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.sleep(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
        log.info("Drained: {} publishing requests in progress", admission.inFlight());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Only a real shutdown drains; a context that is merely paused (as the test framework does) is left as is. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Stops before the web server begins its graceful shutdown (higher phases stop first). */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
