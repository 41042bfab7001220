package dev.paymon.events;

/** Risk classification of an account, from its reference profile. */
public enum RiskTier {
    LOW, MEDIUM, HIGH
}
