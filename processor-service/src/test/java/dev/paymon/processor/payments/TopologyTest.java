package dev.paymon.processor.payments;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the payment topology: each test method gets a fresh {@link TopologyFixture} (driver, topics, state
 * directory) with the production settings, closed after it; {@link #restart} swaps it for one of other settings.
 */
abstract class TopologyTest {

    @TempDir
    Path stateDir;

    TopologyFixture fixture;

    private int restarts;

    @BeforeEach
    void startDriver() {
        fixture = new TopologyFixture(stateDir.resolve("driver"));
    }

    @AfterEach
    void closeDriver() {
        fixture.close();
    }

    /** Closes this test's driver and starts the one {@code driver} builds, in a state directory of its own. */
    TopologyFixture restart(Function<Path, TopologyFixture> driver) {
        fixture.close();
        fixture = driver.apply(stateDir.resolve("driver-" + ++restarts));
        return fixture;
    }
}
