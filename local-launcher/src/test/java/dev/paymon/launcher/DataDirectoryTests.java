package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --reset} starts from empty data but keeps the API key; {@code --new-key} replaces the key. */
class DataDirectoryTests {

    @TempDir
    Path dataDir;

    private String key;

    @BeforeEach
    void dataOfAPreviousRun() throws IOException {
        Files.createDirectories(dataDir.resolve("kafka/kafka-data"));
        Files.writeString(dataDir.resolve("kafka/kafka-data/meta.properties"), "cluster.id=x");
        Files.createDirectories(dataDir.resolve("logs"));
        Files.writeString(dataDir.resolve("logs/broker.log"), "log");
        Files.writeString(dataDir.resolve("paymon.mv.db"), "h2");
        key = LocalApiKey.resolve(Map.of(), LocalApiKey.file(dataDir)).key();
    }

    @Test
    void resetDeletesEverythingButTheApiKey() throws IOException {
        DataDirectory.wipe(dataDir, true);

        try (Stream<Path> left = Files.walk(dataDir)) {
            assertThat(left).containsExactlyInAnyOrder(dataDir, LocalApiKey.file(dataDir));
        }
        assertThat(LocalApiKey.resolve(Map.of(), LocalApiKey.file(dataDir)).key()).isEqualTo(key);
    }

    @Test
    void resetWithANewKeyDeletesTheKeyToo() {
        DataDirectory.wipe(dataDir, false);

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aNewKeyReplacesTheOldOneAndKeepsTheData() {
        DataDirectory.forgetApiKey(dataDir);

        LocalApiKey replaced = LocalApiKey.resolve(Map.of(), LocalApiKey.file(dataDir));
        assertThat(replaced.source()).isEqualTo(LocalApiKey.Source.GENERATED);
        assertThat(replaced.key()).isNotEqualTo(key);
        assertThat(dataDir.resolve("paymon.mv.db")).exists();
    }
}
