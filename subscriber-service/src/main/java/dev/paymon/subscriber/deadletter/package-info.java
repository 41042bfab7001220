/**
 * The pipeline's dead letters: {@code DeadLetterProjection} projects {@code payments.dlq.v1}, the processor's DLQ, into
 * the {@code dead_letters} table (headers and coordinates; the original bytes stay in Kafka) through the
 * {@link dev.paymon.subscriber.projection.Projector}, and counts them by reason for {@code GET /api/v1/stats}. (The
 * subscriber's own DLQ, {@code subscriber.dlq.v1}, is {@code projection.deadletter}.)
 */
package dev.paymon.subscriber.deadletter;
