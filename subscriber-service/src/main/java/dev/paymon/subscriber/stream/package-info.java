/**
 * The live stream, {@code GET /api/v1/stream}: newly projected payments, alerts and activity windows as Server-Sent
 * Events, resumable with {@code Last-Event-ID}. It implements the engine's
 * {@link dev.paymon.subscriber.projection.StreamOutbox} with the {@code stream_events} table, which {@code StreamHub}
 * tails to feed each client's bounded buffer; a client that falls too far behind is disconnected.
 */
package dev.paymon.subscriber.stream;
