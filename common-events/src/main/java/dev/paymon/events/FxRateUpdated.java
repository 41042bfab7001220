package dev.paymon.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reference data: how many units of {@code baseCurrency} one unit of {@code currency} is worth,
 * keyed by {@code currency} on the compacted topic {@code reference.fx-rates.v1}.
 *
 * <p>Version 2 added {@code baseCurrency}; version 1 records were always against EUR and are
 * upgraded on read (see {@link EventTypes#FX_RATE_UPDATED}).
 */
public record FxRateUpdated(
        String currency,
        BigDecimal rateToBase,
        String baseCurrency,
        Instant updatedAt) implements Event {

    public FxRateUpdated {
        Violations.check(v -> v
                .currency("currency", currency)
                .positive("rateToBase", rateToBase)
                .currency("baseCurrency", baseCurrency)
                .notNull("updatedAt", updatedAt));
    }

    @Override
    public String eventId() {
        return currency + "@" + updatedAt;
    }

    @Override
    public Instant eventTime() {
        return updatedAt;
    }
}
