package dev.paymon.processor.monitoring;

import dev.paymon.events.AccountActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The running aggregate of one account's window, as stored: count, total and maximum base amount,
 * and the first few payment ids (as many as VELOCITY lists, so the store stays small).
 */
record WindowAggregate(long count, BigDecimal totalBase, BigDecimal maxBase, List<String> paymentIds) {

    static final WindowAggregate EMPTY = new WindowAggregate(0, new BigDecimal("0.00"), new BigDecimal("0.00"), List.of());

    WindowAggregate add(String paymentId, BigDecimal amountBase, int idsToKeep) {
        List<String> ids = new ArrayList<>(paymentIds);
        if (ids.size() < idsToKeep) {
            ids.add(paymentId);
        }
        return new WindowAggregate(count + 1, totalBase.add(amountBase), maxBase.max(amountBase), List.copyOf(ids));
    }

    AccountActivity toActivity(String accountId, Instant windowStart, Instant windowEnd) {
        return new AccountActivity(accountId, windowStart, windowEnd, count, totalBase, maxBase);
    }
}
