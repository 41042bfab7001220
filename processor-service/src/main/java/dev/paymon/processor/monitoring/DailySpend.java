package dev.paymon.processor.monitoring;

import java.math.BigDecimal;

/** An account's spend on one UTC day, as stored, and whether DAILY_LIMIT fired for it. */
record DailySpend(BigDecimal total, boolean alerted) {

    static final DailySpend NONE = new DailySpend(new BigDecimal("0.00"), false);

    DailySpend add(BigDecimal amountBase, boolean alert) {
        return new DailySpend(total.add(amountBase), alerted || alert);
    }
}
