/**
 * The traffic simulator for demos and load ({@code /api/v1/simulations}): {@code SimulationScheduler} runs each
 * {@code SimulationRun} on the simulator's own threads; a run publishes generated accounts, FX rates and payments, a
 * share of them in fraud patterns, through the same {@link dev.paymon.publisher.kafka.EventPublisher} as the REST
 * endpoints. The same settings, seed included, always generate the same payments.
 */
package dev.paymon.publisher.simulation;
