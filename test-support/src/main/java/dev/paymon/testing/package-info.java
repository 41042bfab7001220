/**
 * Helpers the modules' tests share, used in test scope only: one real Kafka broker per test JVM ({@link TestKafka}),
 * fresh PostgreSQL schemas ({@link TestPostgres}), the test API keys ({@link TestApiKeys}) and bad-input catalogs sent
 * over real HTTP ({@link BadRequests}).
 */
package dev.paymon.testing;
