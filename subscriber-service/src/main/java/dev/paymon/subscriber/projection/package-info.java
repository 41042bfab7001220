/**
 * The exactly-once projection engine: batches applied in one database transaction with their stored offsets
 * ({@link ConsumerOffsetRepository}, fenced by {@code ConsumerPositions} and {@link ProjectionLock}), the
 * {@link ValueStore} a projection stores through, the listener container factories, retries, and the live-stream outbox
 * contract ({@link StreamOutbox}). Features project through {@link Projector}; nothing here knows a feature.
 */
package dev.paymon.subscriber.projection;
