package dev.paymon.publisher.simulation;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a group of simulated payments is meant to look like to the processor's fraud rules, with the number of
 * payments in one group and the name used in requests, status and metrics.
 */
enum Pattern {

    /** One ordinary payment in the account's home country. */
    NORMAL("normal", 1),
    /** One payment above the account's daily limit (LARGE_AMOUNT, DAILY_LIMIT). */
    LARGE_AMOUNT("largeAmount", 1),
    /** Seven payments of one account within two seconds of one 60 s window (VELOCITY: more than 5). */
    BURST("burst", 7),
    /** Two payments of one account from different countries seconds apart (IMPOSSIBLE_TRAVEL: under 10 min). */
    COUNTRY_HOP("countryHop", 2);

    private final String key;
    private final int size;

    Pattern(String key, int size) {
        this.key = key;
        this.size = size;
    }

    @JsonValue
    String key() {
        return key;
    }

    int size() {
        return size;
    }
}
