/**
 * The subscriber's own dead-letter queue, {@code subscriber.dlq.v1}: {@link DeadLetterPublisher} writes a record the
 * projections cannot handle there once, with its original key, bytes and headers plus the dead-letter headers, however
 * often it is delivered again ({@code subscriber_dead_letters}). Only the projection engine uses it; features
 * dead-letter through the {@code Projector}.
 */
package dev.paymon.subscriber.projection.deadletter;
