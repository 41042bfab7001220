package dev.paymon.processor.rules;

import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code DAILY_LIMIT}, severity LOW (a spend alert rather than a fraud signal): the account's spend
 * on one UTC day (of the payments' event time) exceeds its daily limit, or the default limit when the
 * account has no profile or its limit cannot be converted. Raised by the payment that takes the spend
 * over the limit, once per account and day (also when the limit is lowered after the spend).
 */
public final class DailyLimitRule {

    private final BigDecimal defaultLimit;

    /** @param defaultLimit in the base currency */
    public DailyLimitRule(BigDecimal defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    /** The UTC day a payment counts towards. */
    public static LocalDate dayOf(Instant occurredAt) {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }

    /**
     * @param accountLimit  the account's daily limit in the base currency, or {@code null} when unknown
     * @param spentBefore   the account's spend on the payment's day before this payment
     * @param alreadyRaised whether this alert was raised for the account and day already
     */
    public Optional<Finding> check(PaymentEnriched payment, BigDecimal accountLimit, BigDecimal spentBefore,
                                   boolean alreadyRaised) {
        BigDecimal limit = accountLimit == null ? defaultLimit : accountLimit;
        if (alreadyRaised || spentBefore.add(payment.amountBase()).compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FraudRule.DAILY_LIMIT, Severity.LOW, payment.payment().accountId(),
                dayOf(payment.payment().occurredAt()).toString(), List.of(payment.payment().paymentId())));
    }
}
