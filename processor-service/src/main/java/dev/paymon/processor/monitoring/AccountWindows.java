package dev.paymon.processor.monitoring;

import dev.paymon.events.AccountActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The tumbling windows of a task's accounts. Open windows are stored under {@code <window start, 19 digits>|<accountId>},
 * so the store iterates them by window start, then account: closing walks from the oldest window and stops at the
 * first one not yet due (or at its limit), and emits in a deterministic order. A closed window is deleted from the
 * open windows and kept, for {@code history}, in the closed windows (keyed by account at the window's start) in the
 * same exactly-once transaction that emits it, so it is emitted once and a late payment still finds its count.
 */
final class AccountWindows {

    private final KeyValueStore<String, WindowAggregate> open;
    private final WindowStore<String, WindowAggregate> closed;
    private final long size;
    private final long grace;
    /** Every window keyed below this was closed (in this process): just above the last closed key. */
    private String scanFrom = key(0, "");
    /** A watermark at which every final window was closed, or -1 when some may be left (or after start). */
    private long allClosedAt = -1;

    AccountWindows(KeyValueStore<String, WindowAggregate> open, WindowStore<String, WindowAggregate> closed,
                   WindowProperties windows) {
        this.open = open;
        this.closed = closed;
        this.size = windows.size().toMillis();
        this.grace = windows.grace().toMillis();
    }

    long startOf(long eventTime) {
        return eventTime - eventTime % size;
    }

    /** Whether the window of this event time is final once the watermark has reached {@code watermark}. */
    boolean isFinal(long eventTime, long watermark) {
        return startOf(eventTime) + size + grace <= watermark;
    }

    /** Adds a payment that is in time to its window and returns the window's new aggregate. */
    WindowAggregate add(AccountPayment payment, int idsToKeep) {
        String key = key(startOf(payment.eventTime()), payment.accountId());
        WindowAggregate current = open.get(key);
        WindowAggregate updated = (current == null ? WindowAggregate.EMPTY : current)
                .add(payment.paymentId(), payment.payment().amountBase(), idsToKeep);
        open.put(key, updated);
        return updated;
    }

    /**
     * Counts a payment whose window is final in that window, without changing its result: in the open window when it
     * is not emitted yet, else in the closed one (a new one when the window had no payment or its history is gone).
     * Returns the window's new aggregate.
     */
    WindowAggregate addLate(AccountPayment payment, int idsToKeep) {
        long start = startOf(payment.eventTime());
        String key = key(start, payment.accountId());
        WindowAggregate notEmitted = open.get(key);
        if (notEmitted != null) {
            WindowAggregate updated = notEmitted.addLate(payment.paymentId(), idsToKeep);
            open.put(key, updated);
            return updated;
        }
        WindowAggregate emitted = closed.fetch(payment.accountId(), start);
        WindowAggregate updated = (emitted == null ? WindowAggregate.EMPTY : emitted)
                .addLate(payment.paymentId(), idsToKeep);
        closed.put(payment.accountId(), updated, start);
        return updated;
    }

    /**
     * Removes and returns, oldest first, at most {@code limit} of the windows that are final at {@code watermark}.
     * Cheap when none can be due: a range scan happens only after the watermark has passed the next window's
     * close, or while windows due earlier are still left (and once after start, since those are not known).
     */
    List<AccountActivity> closeDue(long watermark, int limit) {
        if (allClosedAt >= 0 && watermark < nextCloseAfter(allClosedAt)) {
            return List.of();
        }
        List<KeyValue<String, WindowAggregate>> due = new ArrayList<>();
        boolean more = false;
        // Start after the last window closed: the store would otherwise skip the tombstones of the windows closed
        // before on every call (thousands, while the windows of one minute are closed a few at a time).
        try (KeyValueIterator<String, WindowAggregate> windows = open.range(scanFrom, null)) {
            while (windows.hasNext()) {
                KeyValue<String, WindowAggregate> window = windows.next();
                if (startIn(window.key) + size + grace > watermark) {
                    break;
                }
                if (due.size() == limit) {
                    more = true;
                    break;
                }
                due.add(window);
            }
        }
        List<AccountActivity> emitted = new ArrayList<>(due.size());
        for (KeyValue<String, WindowAggregate> window : due) {
            long start = startIn(window.key);
            String account = accountIn(window.key);
            emitted.add(window.value.toActivity(account, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + size)));
            open.delete(window.key);
            closed.put(account, window.value, start);
            scanFrom = window.key + '\u0000';
        }
        allClosedAt = more ? -1 : watermark;
        return emitted;
    }

    /** The lowest watermark at which a window not yet final at {@code watermark} becomes final. */
    private long nextCloseAfter(long watermark) {
        long lastFinalStart = Math.floorDiv(watermark - size - grace, size) * size;
        return lastFinalStart + size + size + grace;
    }

    static String key(long windowStart, String accountId) {
        // As String.format("%019d|%s") did, without its cost on every payment.
        String digits = Long.toString(windowStart);
        StringBuilder key = new StringBuilder(20 + accountId.length());
        for (int pad = digits.length(); pad < 19; pad++) {
            key.append('0');
        }
        return key.append(digits).append('|').append(accountId).toString();
    }

    private static long startIn(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('|')));
    }

    private static String accountIn(String key) {
        return key.substring(key.indexOf('|') + 1);
    }
}
