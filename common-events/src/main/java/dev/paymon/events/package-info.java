/**
 * The event contract every module shares: the event records ({@link PaymentInitiated}, {@link PaymentEnriched},
 * {@link AlertRaised}, {@link AccountActivity}, the reference data) and {@link DeadLetter} headers, the {@link Topics}
 * and {@link HeaderNames}, and their JSON form with CloudEvents headers ({@link EventSerde}, {@link EventJson}). No
 * Spring: it depends only on the Kafka clients and Jackson.
 */
package dev.paymon.events;
