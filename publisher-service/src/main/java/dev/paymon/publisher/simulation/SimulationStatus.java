package dev.paymon.publisher.simulation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What a simulation has done so far; {@code sent} counts payments the broker acknowledged, {@code failed} those
 * it did not (the last reason in {@code lastError}).
 */
@Schema(name = "SimulationStatus")
record SimulationStatus(String id, State state, Instant startedAt, Instant stoppedAt, SimulationSettings settings,
                        long sent, long failed, PatternCounts byPattern, String lastError) {

    enum State {
        RUNNING, STOPPED, COMPLETED, FAILED
    }

    /** Acknowledged payments by pattern. */
    record PatternCounts(long normal, long largeAmount, long burst, long countryHop) {
    }
}
