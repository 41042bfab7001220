/**
 * The publisher's application class, {@link PublisherApplication}, and its service-wide settings,
 * {@link PublisherProperties} ({@code paymon.publisher.*}), which the Kafka output and the HTTP helpers may read too.
 */
package dev.paymon.publisher;
