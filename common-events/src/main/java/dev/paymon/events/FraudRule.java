package dev.paymon.events;

/** Fraud rule ids. They are part of the public contract: tests and clients use them verbatim. */
public enum FraudRule {
    /** One payment whose base amount is above the account's daily limit. */
    LARGE_AMOUNT,
    /** Too many payments of one account inside one event-time window. */
    VELOCITY,
    /** Two payments of one account from different countries too close together in event time. */
    IMPOSSIBLE_TRAVEL,
    /** The account's spend in the current UTC day exceeds its daily limit. */
    DAILY_LIMIT
}
