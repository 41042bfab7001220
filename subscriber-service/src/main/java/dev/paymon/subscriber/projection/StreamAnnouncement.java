package dev.paymon.subscriber.projection;

import java.util.Objects;

/**
 * What a projection announces on the live stream for a value it stored for the first time: the event's
 * type, the account it concerns (for the stream's account filter) and its data, which the stream writes
 * as JSON like the query API does.
 *
 * @param withAccountId whether the JSON of {@code data} gets an {@code accountId} field added first, for
 *                      data whose API form leaves the account to the URL (activity windows)
 */
public record StreamAnnouncement(StreamEventType type, String accountId, Object data, boolean withAccountId) {

    public StreamAnnouncement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(data, "data");
    }

    /** Announces {@code data} as it is. */
    public static StreamAnnouncement of(StreamEventType type, String accountId, Object data) {
        return new StreamAnnouncement(type, accountId, data, false);
    }

    /** Announces {@code data} with an {@code accountId} field added to its JSON object. */
    public static StreamAnnouncement withAccountId(StreamEventType type, String accountId, Object data) {
        return new StreamAnnouncement(type, accountId, data, true);
    }
}
