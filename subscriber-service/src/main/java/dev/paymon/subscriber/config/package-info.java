/**
 * The subscriber's wiring only: {@code @Configuration} classes for the {@code kafka} health component, the topics it
 * writes, the role each endpoint needs ({@link SecurityConfiguration}) and the web parts every service shares. Nothing
 * depends on this package.
 */
package dev.paymon.subscriber.config;
