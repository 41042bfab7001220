package dev.paymon.publisher.kafka;

/** Where the broker stored an acknowledged record. */
public record Published(String topic, int partition, long offset) {
}
