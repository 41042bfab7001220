/**
 * Admission control of the publishing requests ({@link AdmissionProperties}): the first servlet filter
 * ({@code AdmissionFilter}) admits at most {@code max-in-flight} at once, and of those at most
 * {@code max-in-flight-per-key} per presented API key, and answers any other at once with 503 or 429; on shutdown,
 * {@code ShutdownDrain} answers new ones with 503 until those in progress are answered.
 */
package dev.paymon.publisher.admission;
