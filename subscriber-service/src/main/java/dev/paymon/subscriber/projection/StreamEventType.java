package dev.paymon.subscriber.projection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of values announced on the live stream, {@code GET /api/v1/stream}; each is an SSE event name
 * of the public contract. Here rather than in the stream package so that projections can name theirs
 * without depending on the stream.
 */
public enum StreamEventType {

    /** A newly projected payment; data is the payment as {@code GET /api/v1/payments/{id}} answers it. */
    PAYMENT,
    /** A newly projected fraud alert; data is the alert as {@code GET /api/v1/alerts} lists it. */
    ALERT,
    /** A newly projected activity window; data is the window as the activity API answers it, plus {@code accountId}. */
    ACTIVITY;

    /** The SSE event name, e.g. {@code payment}. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type whose {@link #eventName()} is {@code eventName} exactly. */
    public static Optional<StreamEventType> byEventName(String eventName) {
        return Arrays.stream(values()).filter(type -> type.eventName().equals(eventName)).findFirst();
    }
}
