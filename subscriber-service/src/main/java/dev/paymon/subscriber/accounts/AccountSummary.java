package dev.paymon.subscriber.accounts;

import dev.paymon.subscriber.web.CanonicalAmount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What {@code GET /api/v1/accounts/{accountId}/summary} answers: the account's payments (count, total in
 * the base currency, latest event time) and its alerts still open, now or as they stood at an instant.
 *
 * @param totalBase     a decimal string in the base currency ({@code 0} without payments)
 * @param baseCurrency  {@code null} while the account has no payment
 * @param lastPaymentAt the latest {@code occurredAt} of its payments; {@code null} when it had none
 */
record AccountSummary(
        String accountId,
        long paymentCount,
        String totalBase,
        String baseCurrency,
        Instant lastPaymentAt,
        long openAlerts) {

    static AccountSummary of(String accountId, long paymentCount, BigDecimal totalBase, String baseCurrency,
                             Instant lastPaymentAt, long openAlerts) {
        String total = baseCurrency == null ? totalBase.toPlainString()
                : CanonicalAmount.of(totalBase, baseCurrency).toPlainString();
        return new AccountSummary(accountId, paymentCount, total, baseCurrency, lastPaymentAt, openAlerts);
    }
}
