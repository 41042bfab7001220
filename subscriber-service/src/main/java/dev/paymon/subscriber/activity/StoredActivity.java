package dev.paymon.subscriber.activity;

import dev.paymon.events.AccountActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One closed activity window of an account as the subscriber keeps it. Money is in the base currency
 * at a {@link #canonical canonical} scale and times in microseconds, the precision PostgreSQL keeps,
 * so a stored window reads back equal.
 */
record StoredActivity(
        String accountId,
        Instant windowStart,
        Instant windowEnd,
        long count,
        BigDecimal totalBase,
        BigDecimal maxBase) {

    /** Minor units of the base currency (EUR). */
    private static final int BASE_MINOR_UNITS = 2;

    StoredActivity {
        windowStart = windowStart.truncatedTo(ChronoUnit.MICROS);
        windowEnd = windowEnd.truncatedTo(ChronoUnit.MICROS);
        totalBase = canonical(totalBase);
        maxBase = canonical(maxBase);
    }

    static StoredActivity from(AccountActivity event) {
        return new StoredActivity(event.accountId(), event.windowStart(), event.windowEnd(), event.count(),
                event.totalBase(), event.maxBase());
    }

    /**
     * At least the base currency's minor units, more where the value needs them: databases return
     * different scales for the same number (PostgreSQL keeps {@code 12.50}, H2 gives {@code 12.5}).
     */
    private static BigDecimal canonical(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(stripped.scale(), BASE_MINOR_UNITS));
    }
}
