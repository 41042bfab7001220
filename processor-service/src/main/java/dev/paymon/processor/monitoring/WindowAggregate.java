package dev.paymon.processor.monitoring;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.paymon.events.AccountActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's window, as stored: count, total and maximum base amount of the payments that arrived in time (the
 * window's {@code AccountActivity}), how many arrived after it had closed ({@code late}), and the first few payment
 * ids of both in arrival order (as many as VELOCITY lists, so the store stays small). VELOCITY counts every payment
 * of the window, in time or late; the window's result only those in time.
 */
record WindowAggregate(long count, BigDecimal totalBase, BigDecimal maxBase, List<String> paymentIds,
                       // Absent in the JSON of earlier releases: none late.
                       @JsonSetter(nulls = Nulls.AS_EMPTY) long late) {

    static final WindowAggregate EMPTY = new WindowAggregate(0, new BigDecimal("0.00"), new BigDecimal("0.00"),
            List.of(), 0);

    /** With a payment that arrived in time. */
    WindowAggregate add(String paymentId, BigDecimal amountBase, int idsToKeep) {
        return new WindowAggregate(count + 1, totalBase.add(amountBase), maxBase.max(amountBase),
                withId(paymentId, idsToKeep), late);
    }

    /** With a payment that arrived after the window had closed: counted for VELOCITY, not in the result. */
    WindowAggregate addLate(String paymentId, int idsToKeep) {
        return new WindowAggregate(count, totalBase, maxBase, withId(paymentId, idsToKeep), late + 1);
    }

    /** Every payment of the window, in time or late: what VELOCITY counts. */
    long velocityCount() {
        return count + late;
    }

    AccountActivity toActivity(String accountId, Instant windowStart, Instant windowEnd) {
        return new AccountActivity(accountId, windowStart, windowEnd, count, totalBase, maxBase);
    }

    private List<String> withId(String paymentId, int idsToKeep) {
        if (paymentIds.size() >= idsToKeep) {
            return paymentIds;
        }
        List<String> ids = new ArrayList<>(paymentIds);
        ids.add(paymentId);
        return List.copyOf(ids);
    }
}
