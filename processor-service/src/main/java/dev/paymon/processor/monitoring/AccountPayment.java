package dev.paymon.processor.monitoring;

import dev.paymon.events.PaymentEnriched;
import java.math.BigDecimal;

/**
 * A valid, enriched, first-seen payment on its way into the {@link AccountMonitor}. Lives only
 * between operators of the topology, never in a topic or a store.
 *
 * @param original       the bytes as read, to dead-letter the payment if it turns out late
 * @param dailyLimitBase the account's daily limit in the base currency, or {@code null} when the account
 *                       has no profile or its limit's currency has no rate (the rules' defaults apply)
 */
public record AccountPayment(byte[] original, PaymentEnriched payment, BigDecimal dailyLimitBase) {

    public String paymentId() {
        return payment.payment().paymentId();
    }

    public String accountId() {
        return payment.payment().accountId();
    }

    public long eventTime() {
        return payment.payment().occurredAt().toEpochMilli();
    }
}
