/**
 * What the pipeline benchmarks read from the running services: Prometheus samples ({@link PrometheusText},
 * {@link BucketHistogram}), the consumer groups' lag ({@link ConsumerLag}) and the read model's count
 * ({@link ReadModel}); and how the search for the highest sustained rate decides ({@link SustainedCriterion},
 * {@link RateSearch}).
 */
package dev.paymon.benchmark.pipeline;
