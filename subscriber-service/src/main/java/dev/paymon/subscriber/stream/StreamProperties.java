package dev.paymon.subscriber.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream, {@code GET /api/v1/stream}.
 *
 * @param horizon       how long stream events are kept for clients that resume with {@code Last-Event-ID}
 * @param pruneInterval how often events older than the horizon are deleted
 * @param clientBuffer  events queued for one client; a client that falls further behind is disconnected
 * @param maxClients    clients served at once; more are refused with 503
 * @param maxClientsPerKey clients one API key may have connected at once; more are refused with 429, so that one
 *                      client cannot take every connection
 * @param heartbeat     idle time after which a client gets a comment line, so dead connections are noticed
 * @param pollInterval  how often the stream looks for new events besides being woken by each commit
 * @param pageSize      events read from the database at once, by the hub and by a client catching up
 */
@ConfigurationProperties("paymon.subscriber.stream")
record StreamProperties(
        @DefaultValue("24h") Duration horizon,
        @DefaultValue("1m") Duration pruneInterval,
        @DefaultValue("1000") int clientBuffer,
        @DefaultValue("100") int maxClients,
        @DefaultValue("10") int maxClientsPerKey,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("500") int pageSize) {

    StreamProperties {
        require(!horizon.isNegative(), "horizon must not be negative");
        require(isPositive(pruneInterval), "prune-interval must be positive");
        require(clientBuffer > 0, "client-buffer must be positive");
        require(maxClients > 0, "max-clients must be positive");
        require(maxClientsPerKey > 0, "max-clients-per-key must be positive");
        require(isPositive(heartbeat), "heartbeat must be positive");
        require(isPositive(pollInterval), "poll-interval must be positive");
        require(pageSize > 0, "page-size must be positive");
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("paymon.subscriber.stream." + message);
        }
    }
}
