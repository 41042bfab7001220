/**
 * The subscriber's application class, {@link SubscriberApplication}: it projects the processor's topics into the
 * database and serves the query API and the live stream.
 */
package dev.paymon.subscriber;
