/**
 * Rebuilding every projection from the Kafka log ({@code POST /api/v1/admin/rebuild}, or on start): stop the projection
 * consumers, empty the projections and rewind their stored offsets in one transaction, then project the whole history
 * again. Besides the projection engine, only {@code RebuildRepository} touches the stored offsets.
 */
package dev.paymon.subscriber.rebuild;
