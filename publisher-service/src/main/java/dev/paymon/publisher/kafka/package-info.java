/**
 * The publisher's Kafka output, the only package that talks to Kafka: {@link EventPublisher} sends events on a bounded,
 * idempotent producer within the send timeout and reports each {@link Delivery}, or fails with
 * {@link KafkaUnavailableException}; {@code KafkaConfiguration} declares the topics it writes. It knows no feature and
 * no HTTP, only the service's settings.
 */
package dev.paymon.publisher.kafka;
