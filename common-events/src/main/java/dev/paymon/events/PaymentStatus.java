package dev.paymon.events;

/** Outcome of processing a payment: {@code FLAGGED} when it raised at least one alert. */
public enum PaymentStatus {
    ACCEPTED, FLAGGED
}
