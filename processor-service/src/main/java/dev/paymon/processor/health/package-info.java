/**
 * Health of Kafka Streams: the {@code kafkaStreams} and {@code kafka} health components, the gauge of live stream
 * threads, and {@link ReplaceFailedStreamThreads}, which replaces a stream thread that died of an unexpected error. It
 * knows only Kafka Streams, neither the payment pipeline nor dead-lettering.
 */
package dev.paymon.processor.health;
