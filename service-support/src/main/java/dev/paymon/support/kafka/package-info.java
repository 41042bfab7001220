/**
 * Topic creation the services share: {@link TopicProperties} ({@code paymon.topics.*}: partitions, replication,
 * retention) and {@link TopicCreator}, which keeps trying in the background when no broker was there to create the
 * topics at start-up.
 */
package dev.paymon.support.kafka;
