/**
 * Dead-lettering to {@code payments.dlq.v1}: a {@link RejectedRecord} carries the original bytes and their
 * {@link DeadLetterCause}, {@link DeadLetterRecords} turns it into a dead-letter record inside the topology (in the
 * same exactly-once transaction), {@link ReferenceDataDeadLetters} publishes the records Kafka Streams cannot
 * deserialize, and {@link DeadLetterMetrics} counts them by reason. It knows nothing of the payment pipeline.
 */
package dev.paymon.processor.deadletter;
