package dev.paymon.publisher.config;

/** Where the broker stored an acknowledged record. */
public record Published(String topic, int partition, long offset) {
}
