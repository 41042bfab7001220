package dev.paymon.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The final result of one tumbling event-time window of an account, keyed by {@code accountId} on
 * {@code accounts.activity.v1}. The window is {@code [windowStart, windowEnd)}.
 */
public record AccountActivity(
        String accountId,
        Instant windowStart,
        Instant windowEnd,
        long count,
        BigDecimal totalBase,
        BigDecimal maxBase) implements Event {

    public AccountActivity {
        Violations.check(v -> {
            v.id("accountId", accountId)
                    .notNull("windowStart", windowStart)
                    .notNull("windowEnd", windowEnd)
                    .nonNegative("count", count)
                    .nonNegative("totalBase", totalBase)
                    .nonNegative("maxBase", maxBase);
            if (windowStart != null && windowEnd != null && !windowEnd.isAfter(windowStart)) {
                v.add("windowEnd", "must be after windowStart");
            }
        });
    }

    @Override
    public String eventId() {
        return accountId + "@" + windowStart;
    }

    @Override
    public Instant eventTime() {
        return windowEnd;
    }
}
