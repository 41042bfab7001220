package dev.paymon.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository, found from the test's working directory (the module directory under Maven, the
 * repository root in some IDEs).
 */
final class Repository {

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    /** The repository root: the directory with the Maven wrapper. */
    static Path root() {
        return ROOT;
    }

    /** A path relative to the repository root. */
    static Path file(String relative) {
        return ROOT.resolve(relative).normalize();
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and .mvn) above "
                + Path.of("").toAbsolutePath());
    }
}
