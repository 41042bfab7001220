/**
 * The processor's wiring only: {@code @Configuration} classes for Kafka Streams ({@code StreamsConfiguration}), the
 * topics it reads and writes ({@code TopicsConfiguration}) and its HTTP side ({@code WebConfiguration}). Nothing
 * depends on this package.
 */
package dev.paymon.processor.config;
