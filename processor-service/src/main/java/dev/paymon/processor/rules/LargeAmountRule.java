package dev.paymon.processor.rules;

import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code LARGE_AMOUNT}, severity HIGH (a single payment worth more than a whole day's allowance): a
 * payment whose {@code amountBase} is above the account's daily limit, or above the default limit when
 * the account has no profile or its limit cannot be converted to the base currency. One alert per payment.
 */
public final class LargeAmountRule {

    private final BigDecimal defaultLimit;

    /** @param defaultLimit in the base currency */
    public LargeAmountRule(BigDecimal defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    /** @param accountLimit the account's daily limit in the base currency, or {@code null} when unknown */
    public Optional<Finding> check(PaymentEnriched payment, BigDecimal accountLimit) {
        BigDecimal limit = accountLimit == null ? defaultLimit : accountLimit;
        if (payment.amountBase().compareTo(limit) <= 0) {
            return Optional.empty();
        }
        String paymentId = payment.payment().paymentId();
        return Optional.of(new Finding(FraudRule.LARGE_AMOUNT, Severity.HIGH, payment.payment().accountId(),
                paymentId, List.of(paymentId)));
    }
}
