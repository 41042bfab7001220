package dev.paymon.subscriber.stream;

import static dev.paymon.subscriber.TestEvents.payment;

import dev.paymon.events.PaymentEnriched;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Writes payments of one account without pause (one to five per Kafka transaction) until closed. */
final class ContinuousPayments implements AutoCloseable {

    private final String accountId;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread writer;
    private volatile boolean stopped;

    private ContinuousPayments(String accountId) {
        this.accountId = accountId;
        this.writer = new Thread(this::write, "continuous-payments");
        this.writer.setDaemon(true);
    }

    static ContinuousPayments start(String accountId) {
        ContinuousPayments payments = new ContinuousPayments(accountId);
        payments.writer.start();
        return payments;
    }

    /** Stops writing; throws what failed the writer, if anything did. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        writer.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void write() {
        try (TransactionalPayments payments = new TransactionalPayments()) {
            while (!stopped) {
                payments.commit(Stream.generate(this::nextPayment).limit(ThreadLocalRandom.current().nextInt(1, 6)).toList());
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    private PaymentEnriched nextPayment() {
        return payment("pay-" + UUID.randomUUID(), accountId, "1.00", "EUR", "1.00", List.of());
    }
}
