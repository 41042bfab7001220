/**
 * {@code GET /api/v1/stats}: counts of payments, alerts by rule and dead letters by reason, from the projections'
 * running counts ({@code projection_counts}), with the newest dead letters, read in one snapshot.
 */
package dev.paymon.subscriber.stats;
