package dev.paymon.subscriber.projection;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The fault {@link FaultInjectionProperties#haltAfterCommits()} asks for: {@link #watchCommit()}, called inside each
 * projection batch's transaction, halts the JVM right after the Nth of them commits. The halt runs in the
 * transaction's {@code afterCommit}, so the rows and stored offsets are in the database while the listener has not
 * returned and the container has not committed anything to Kafka. {@code Runtime.halt} skips shutdown hooks and
 * every {@code finally}, as a {@code kill -9} would. Off (and doing nothing) unless configured.
 */
@Component
class HaltAfterCommits {

    static final int EXIT_CODE = 137;
    private static final Logger log = LoggerFactory.getLogger(HaltAfterCommits.class);

    private final int haltAfter;
    private final IntConsumer halt;
    private final AtomicInteger commits = new AtomicInteger();

    @Autowired
    HaltAfterCommits(FaultInjectionProperties properties) {
        this(properties, Runtime.getRuntime()::halt);
    }

    HaltAfterCommits(FaultInjectionProperties properties, IntConsumer halt) {
        this.haltAfter = properties.haltAfterCommits();
        this.halt = halt;
        if (properties.enabled()) {
            log.warn("Fault injection on: this process halts right after its projection commit number {}", haltAfter);
        }
    }

    /** Must run inside the batch's transaction; does nothing when fault injection is off. */
    void watchCommit() {
        if (haltAfter <= 0) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                int committed = commits.incrementAndGet();
                if (committed == haltAfter) {
                    log.warn("Fault injection: halting after projection commit {}", committed);
                    halt.accept(EXIT_CODE);
                }
            }
        });
    }
}
