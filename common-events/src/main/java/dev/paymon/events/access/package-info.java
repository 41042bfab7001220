/**
 * The Kafka principals and ACLs of paymon: {@link KafkaAccess} reads {@code kafka-access.tsv} into {@link KafkaUser}s
 * and {@link AccessRule}s. {@code docker/kafka-init.sh} applies the same file in docker compose, so the tests grant
 * exactly what the stack grants.
 */
package dev.paymon.events.access;
