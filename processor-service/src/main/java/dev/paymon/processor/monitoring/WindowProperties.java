package dev.paymon.processor.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-account tumbling event-time windows ({@code paymon.processor.windows.*}).
 *
 * @param size               window length (60s); also the VELOCITY window
 * @param grace              how long after its end a window still takes late payments (30s)
 * @param closeCheckInterval how often, in wall-clock time, a task checks the wall clock (a quiet one moves its
 *                           watermark on) and closes due windows (1s)
 * @param closePerPayment    due windows a task closes at most along with each payment (4)
 * @param closePerCheck      due windows a task closes at most at each wall-clock check (250)
 */
@ConfigurationProperties("paymon.processor.windows")
public record WindowProperties(
        @DefaultValue("60s") Duration size,
        @DefaultValue("30s") Duration grace,
        @DefaultValue("1s") Duration closeCheckInterval,
        @DefaultValue("4") int closePerPayment,
        @DefaultValue("250") int closePerCheck) {

    public WindowProperties {
        if (notPositive(size) || grace.isNegative() || notPositive(closeCheckInterval)) {
            throw new IllegalArgumentException(
                    "paymon.processor.windows: size and close-check-interval must be positive, grace not negative");
        }
        if (closePerPayment < 1 || closePerCheck < 1) {
            throw new IllegalArgumentException(
                    "paymon.processor.windows: close-per-payment and close-per-check must be at least 1");
        }
    }

    private static boolean notPositive(Duration duration) {
        return duration.isZero() || duration.isNegative();
    }
}
