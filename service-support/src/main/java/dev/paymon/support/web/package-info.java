/**
 * The web parts every service shares, imported through {@link ServiceWebConfiguration}: errors as RFC 9457 problem
 * details also outside Spring MVC ({@link ProblemErrorController}, and for requests Tomcat refuses itself), the problem
 * {@code type}s ({@link ProblemTypes}), the base {@link TypedProblemExceptionHandler}, and {@link JsonLimits} on
 * request JSON.
 */
package dev.paymon.support.web;
