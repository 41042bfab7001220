package dev.paymon.subscriber.stats;

import java.time.Instant;

/**
 * One of the newest dead letters in {@code GET /api/v1/stats}: why and where the original record failed,
 * and when the processor dead-lettered it (ISO-8601 UTC).
 */
record LastDeadLetter(
        String reason,
        String stage,
        String detail,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        Instant deadLetteredAt) {
}
