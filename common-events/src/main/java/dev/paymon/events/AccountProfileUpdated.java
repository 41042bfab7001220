package dev.paymon.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reference data: the profile of an account, keyed by {@code accountId} on the compacted topic
 * {@code reference.accounts.v1}. The latest record per account is the current profile.
 * {@code dailyLimit} is expressed in {@code currency}.
 */
public record AccountProfileUpdated(
        String accountId,
        String homeCountry,
        RiskTier riskTier,
        BigDecimal dailyLimit,
        String currency,
        Instant updatedAt) implements Event {

    public AccountProfileUpdated {
        Violations.check(v -> v
                .id("accountId", accountId)
                .country("homeCountry", homeCountry)
                .notNull("riskTier", riskTier)
                .currency("currency", currency)
                .money("dailyLimit", dailyLimit, currency)
                .notNull("updatedAt", updatedAt));
    }

    @Override
    public String eventId() {
        return accountId + "@" + updatedAt;
    }

    @Override
    public Instant eventTime() {
        return updatedAt;
    }
}
