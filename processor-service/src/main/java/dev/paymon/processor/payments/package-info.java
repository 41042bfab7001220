/**
 * The payment topology ({@code PaymentTopology}): decode and validate {@code payments.initiated.v1} inside the
 * topology, enrich it from the reference {@code GlobalKTable}s, drop duplicates ({@code Deduplication}), hand each
 * payment to the account monitor, and dead-letter whatever cannot be processed. Plain Kafka Streams code: only
 * {@code PaymentsConfiguration} knows Spring.
 */
package dev.paymon.processor.payments;
