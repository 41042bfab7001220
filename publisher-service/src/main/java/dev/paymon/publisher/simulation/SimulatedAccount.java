package dev.paymon.publisher.simulation;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.RiskTier;
import java.math.BigDecimal;
import java.time.Instant;

/** A simulated account: its profile, published before any of its payments. */
record SimulatedAccount(String accountId, String homeCountry, RiskTier riskTier, BigDecimal dailyLimit,
                        String currency) {

    AccountProfileUpdated profile(Instant updatedAt) {
        return new AccountProfileUpdated(accountId, homeCountry, riskTier, dailyLimit, currency, updatedAt);
    }
}
