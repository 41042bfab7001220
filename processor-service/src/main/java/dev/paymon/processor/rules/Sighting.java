package dev.paymon.processor.rules;

import java.time.Instant;

/** Where and when an account paid: what {@link ImpossibleTravelRule} compares. */
public record Sighting(String paymentId, String country, Instant occurredAt) {
}
