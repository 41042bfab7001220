package dev.paymon.subscriber.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paymon.subscriber.rebuild.*}: rebuilding every projection from Kafka when the service starts.
 *
 * @param onStart rebuild once the service has started (default {@code false}); the same as
 *                {@code POST /api/v1/admin/rebuild}
 * @param force   rebuild even when retention has removed records from a projected topic, which the
 *                rebuilt projections then lack (default {@code false}: start-up fails instead)
 */
@ConfigurationProperties("paymon.subscriber.rebuild")
record RebuildProperties(boolean onStart, boolean force) {
}
