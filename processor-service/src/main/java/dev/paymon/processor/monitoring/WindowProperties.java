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
 * @param history            how far back in event time the monitor keeps each account's history for late payments
 *                           (1h): a payment up to this far behind its task's watermark is still counted for VELOCITY
 *                           in its window and paired for IMPOSSIBLE_TRAVEL with the sightings around its time; it
 *                           sets the retention of the closed-window and sighting stores. At least size + grace.
 */
@ConfigurationProperties("paymon.processor.windows")
public record WindowProperties(
        @DefaultValue("60s") Duration size,
        @DefaultValue("30s") Duration grace,
        @DefaultValue("1s") Duration closeCheckInterval,
        @DefaultValue("4") int closePerPayment,
        @DefaultValue("250") int closePerCheck,
        @DefaultValue("1h") Duration history) {

    public WindowProperties {
        if (notPositive(size) || grace.isNegative() || notPositive(closeCheckInterval)) {
            throw new IllegalArgumentException(
                    "paymon.processor.windows: size and close-check-interval must be positive, grace not negative");
        }
        if (history == null || history.compareTo(size.plus(grace)) < 0) {
            throw new IllegalArgumentException("paymon.processor.windows.history must be at least size + grace ("
                    + size.plus(grace) + "), was " + history);
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
