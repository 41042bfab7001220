/**
 * The publisher's wiring only: {@code @Configuration} classes for the clock, the role each endpoint needs
 * ({@link SecurityConfiguration}) and the web parts every service shares. Nothing depends on this package.
 */
package dev.paymon.publisher.config;
