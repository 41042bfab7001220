package dev.paymon.systemtest.reliability;

import java.math.BigDecimal;

/**
 * An account of a workload.
 *
 * @param partition its partition of {@code payments.initiated.v1}
 * @param sender    the client thread that sends all its payments, in order
 * @param profile   the profile published for it before the run, or null for none
 */
record PlannedAccount(String accountId, int partition, int sender, Profile profile) {

    /** An account profile as {@code PUT /api/v1/accounts/{accountId}} takes it. */
    record Profile(String homeCountry, String riskTier, BigDecimal dailyLimit, String currency) {

        String json() {
            return """
                    {"homeCountry":"%s","riskTier":"%s","dailyLimit":"%s","currency":"%s"}"""
                    .formatted(homeCountry, riskTier, dailyLimit.toPlainString(), currency);
        }
    }
}
