package dev.paymon.systemtest.reliability;

import dev.paymon.systemtest.SystemStack;
import java.nio.file.Path;

/** Where the reliability rows go: {@code system-tests/target/reliability}, wherever the tests run from. */
final class SystemStackPaths {

    private SystemStackPaths() {
    }

    static Path reliability() {
        return SystemStack.root().resolve("system-tests").resolve("target").resolve("reliability");
    }
}
