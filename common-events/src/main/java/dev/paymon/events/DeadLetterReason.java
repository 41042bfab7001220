package dev.paymon.events;

/** Why a record went to a dead-letter topic ({@code dlq_reason} header). */
public enum DeadLetterReason {
    /** The bytes are not a readable event (not JSON, wrong shape, unknown schema version). */
    UNDECODABLE,
    /** The event decoded, but fields are missing or invalid. */
    INVALID_EVENT,
    /** No FX rate is known for the payment's currency. */
    UNKNOWN_FX_RATE,
    /** The event arrived after its window's grace period. */
    LATE_EVENT,
    /** The event has no valid event time. */
    MISSING_EVENT_TIME,
    /** An unexpected error while processing a valid event. */
    PROCESSING_ERROR
}
