package dev.paymon.events;

/** Why a record went to a dead-letter topic ({@code dlq_reason} header). */
public enum DeadLetterReason {
    /** The bytes are not a readable event (not JSON, wrong shape, unknown schema version). */
    UNDECODABLE,
    /** The event decoded, but fields are missing or invalid. */
    INVALID_EVENT,
    /** No FX rate is known for the payment's currency. */
    UNKNOWN_FX_RATE,
    /**
     * No longer written: a payment that arrives after its window closed is processed and marked {@code late} on
     * {@code payments.enriched.v1} instead. Kept so that dead letters of earlier releases still read.
     */
    LATE_EVENT,
    /** The event has no valid event time. */
    MISSING_EVENT_TIME,
    /** An unexpected error while processing a valid event. */
    PROCESSING_ERROR,
    /**
     * A payment whose {@code paymentId} is already taken by a different payment (another account, amount, time...):
     * one id is one payment, so the second is neither dropped as a duplicate nor stored.
     */
    PAYMENT_ID_CONFLICT
}
