/**
 * Helpers the modules' tests share, used in test scope only: one real Kafka broker per test JVM ({@link TestKafka}),
 * fresh PostgreSQL schemas ({@link TestPostgres}), the test API keys ({@link TestApiKeys}), bad-input catalogs sent
 * over real HTTP ({@link BadRequests}) and the checks of a service's OpenAPI document
 * ({@link OpenApiContract}, {@link ProblemTypeUses}).
 */
package dev.paymon.testing;
