package dev.paymon.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local stack's data folder ({@code .local/}): broker data, processor state, the H2 database, logs, the API key. */
final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * Deletes everything in {@code dir} but, when {@code keepApiKey}, its API key file: starting from empty data
     * must not invalidate the key a user has exported in their shell.
     */
    static void wipe(Path dir, boolean keepApiKey) {
        if (!Files.exists(dir)) {
            return;
        }
        Path key = LocalApiKey.file(dir);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                boolean kept = keepApiKey && Files.exists(key) && key.startsWith(path);
                if (!kept) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new LauncherException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the API key file, so that the next start makes a new key. */
    static void forgetApiKey(Path dir) {
        Path key = LocalApiKey.file(dir);
        try {
            Files.deleteIfExists(key);
        } catch (IOException e) {
            throw new LauncherException("cannot delete " + key + ": " + e.getMessage(), e);
        }
    }
}
