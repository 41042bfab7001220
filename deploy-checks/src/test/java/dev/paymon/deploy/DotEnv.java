package dev.paymon.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The repository's {@code .env}, the settings compose reads: {@code NAME=value} lines, blank lines and {@code #}
 * comments ignored.
 */
final class DotEnv {

    private DotEnv() {
    }

    static Map<String, String> load() {
        return load(".env");
    }

    private static Map<String, String> load(String file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Repository.file(file))) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && equals > 0) {
                    values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
