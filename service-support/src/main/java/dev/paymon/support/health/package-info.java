/**
 * Health support the services share: the readiness component {@code kafka} ({@link KafkaHealthIndicator}, its settings
 * in {@link KafkaHealthProperties}) and the status-only health and info of the public port
 * ({@link PublicHealthEndpoints}).
 */
package dev.paymon.support.health;
