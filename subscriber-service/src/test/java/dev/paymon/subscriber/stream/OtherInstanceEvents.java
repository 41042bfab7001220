package dev.paymon.subscriber.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends stream events without pause as another subscriber instance on the same database would: in its own
 * transactions, without waking this instance's hub, which finds them only by polling and so lags behind the
 * database, the case where a client catching up gets ahead of the hub.
 */
final class OtherInstanceEvents implements AutoCloseable {

    private final StreamEventRepository events;
    private final TransactionTemplate transactions;
    private final String accountId;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread writer;
    private volatile boolean stopped;

    private OtherInstanceEvents(StreamEventRepository events, PlatformTransactionManager transactionManager,
                                String accountId) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accountId = accountId;
        this.writer = new Thread(this::write, "other-instance-events");
        this.writer.setDaemon(true);
    }

    static OtherInstanceEvents start(StreamEventRepository events, PlatformTransactionManager transactionManager,
                                     String accountId) {
        OtherInstanceEvents other = new OtherInstanceEvents(events, transactionManager, accountId);
        other.writer.start();
        return other;
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
        try {
            for (long n = 0; !stopped; n++) {
                StreamEventRepository.NewEvent event = new StreamEventRepository.NewEvent("payment", accountId,
                        "{\"paymentId\": \"other-instance-" + n + "\"}");
                transactions.executeWithoutResult(status -> events.append(List.of(event, event)));
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }
}
