package dev.paymon.publisher.simulation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the traffic simulator ({@code paymon.publisher.simulation.*}); defaults are documented in
 * {@code application.yml}.
 *
 * @param maxRunning   simulations that may run at once; starting one more gets 409
 * @param keepFinished finished (stopped, completed, failed) simulations whose status is kept
 * @param tick         how often a running simulation sends the payments that are due
 * @param setupBatch   account profiles published per batch while a simulation sets up
 */
@ConfigurationProperties("paymon.publisher.simulation")
public record SimulationProperties(
        @DefaultValue("2") int maxRunning,
        @DefaultValue("20") int keepFinished,
        @DefaultValue("100ms") Duration tick,
        @DefaultValue("1000") int setupBatch) {

    public SimulationProperties {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("paymon.publisher.simulation.max-running must be at least 1, was "
                    + maxRunning);
        }
        if (keepFinished < 0) {
            throw new IllegalArgumentException("paymon.publisher.simulation.keep-finished must not be negative, was "
                    + keepFinished);
        }
        if (tick.toMillis() < 1) {
            throw new IllegalArgumentException("paymon.publisher.simulation.tick must be at least 1ms, was " + tick);
        }
        if (setupBatch < 1) {
            throw new IllegalArgumentException("paymon.publisher.simulation.setup-batch must be at least 1, was "
                    + setupBatch);
        }
    }
}
