package dev.paymon.subscriber.activity;

import java.time.Instant;

/** One activity window as {@code GET /api/v1/accounts/{accountId}/activity} answers it; money as decimal strings. */
record ActivityResponse(Instant windowStart, Instant windowEnd, long count, String totalBase, String maxBase) {

    static ActivityResponse of(StoredActivity activity) {
        return new ActivityResponse(activity.windowStart(), activity.windowEnd(), activity.count(),
                activity.totalBase().toPlainString(), activity.maxBase().toPlainString());
    }
}
