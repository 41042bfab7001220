package dev.paymon.processor.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-account tumbling event-time windows ({@code paymon.processor.windows.*}).
 *
 * @param size               window length (60s); also the VELOCITY window
 * @param grace              how long after its end a window still takes late payments (30s)
 * @param closeCheckInterval how often, in wall-clock time, a quiet task closes its due windows (1s)
 */
@ConfigurationProperties("paymon.processor.windows")
public record WindowProperties(
        @DefaultValue("60s") Duration size,
        @DefaultValue("30s") Duration grace,
        @DefaultValue("1s") Duration closeCheckInterval) {

    public WindowProperties {
        if (notPositive(size) || grace.isNegative() || notPositive(closeCheckInterval)) {
            throw new IllegalArgumentException(
                    "paymon.processor.windows: size and close-check-interval must be positive, grace not negative");
        }
    }

    private static boolean notPositive(Duration duration) {
        return duration.isZero() || duration.isNegative();
    }
}
