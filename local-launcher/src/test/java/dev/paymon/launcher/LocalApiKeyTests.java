package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalApiKeyTests {

    @TempDir
    Path dataDir;

    private Path file;

    @BeforeEach
    void keyFileInTheDataDirectory() {
        file = LocalApiKey.file(dataDir.resolve(".local"));
    }

    @Test
    void firstStartMakesANewKeyAndWritesItToAFileOnlyItsOwnerCanReadOrWrite() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");

        LocalApiKey key = LocalApiKey.resolve(Map.of(), file);

        assertThat(key.source()).isEqualTo(LocalApiKey.Source.GENERATED);
        assertThat(key.key()).matches("pk_[A-Za-z0-9_-]{43}");
        assertThat(key.warning()).isEmpty();
        assertThat(Files.readString(file).strip()).isEqualTo(key.key());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void laterStartsReuseTheKeyOfTheFile() throws IOException {
        String first = LocalApiKey.resolve(Map.of(), file).key();
        String written = Files.readString(file);

        LocalApiKey again = LocalApiKey.resolve(Map.of(), file);

        assertThat(again.key()).isEqualTo(first);
        assertThat(again.source()).isEqualTo(LocalApiKey.Source.FILE);
        assertThat(Files.readString(file)).isEqualTo(written);
    }

    @Test
    void theEnvironmentVariableOverridesTheFileWithoutTouchingIt() throws IOException {
        String inFile = LocalApiKey.resolve(Map.of(), file).key();
        String fromShell = ApiKeys.generate();

        LocalApiKey key = LocalApiKey.resolve(Map.of("PAYMON_API_KEY", " " + fromShell + "\n"), file);

        assertThat(key.key()).isEqualTo(fromShell);
        assertThat(key.source()).isEqualTo(LocalApiKey.Source.ENVIRONMENT);
        assertThat(key.hash()).isEqualTo(ApiKeys.hash(fromShell));
        assertThat(Files.readString(file).strip()).isEqualTo(inFile);
    }

    @Test
    void aKeyFromTheEnvironmentWritesNoFileAndABlankVariableCountsAsUnset() {
        LocalApiKey fromShell = LocalApiKey.resolve(Map.of("PAYMON_API_KEY", "pk_chosen-by-the-user"), file);
        assertThat(fromShell.key()).isEqualTo("pk_chosen-by-the-user");
        assertThat(file).doesNotExist();

        LocalApiKey blank = LocalApiKey.resolve(Map.of("PAYMON_API_KEY", "  "), file);
        assertThat(blank.source()).isEqualTo(LocalApiKey.Source.GENERATED);
        assertThat(file).exists();
    }

    @Test
    void refusesAKeyThatCannotTravelInAHeader() throws IOException {
        assertThatThrownBy(() -> LocalApiKey.resolve(Map.of("PAYMON_API_KEY", "two words"), file))
                .isInstanceOf(LauncherException.class).hasMessageContaining("PAYMON_API_KEY");

        Files.createDirectories(file.getParent());
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> LocalApiKey.resolve(Map.of(), file))
                .isInstanceOf(LauncherException.class).hasMessageContaining(file.toString()).hasMessageContaining("delete");
    }

    @Test
    void warnsWhenAnExistingKeyFileIsReadableByOthers() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        LocalApiKey.resolve(Map.of(), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LocalApiKey key = LocalApiKey.resolve(Map.of(), file);

        assertThat(key.warning()).hasValueSatisfying(warning -> assertThat(warning).contains("chmod 600 " + file));
    }

    @Test
    void onAFileSystemWithoutPosixPermissionsTheKeyIsWrittenWithAWarning() throws IOException {
        // A zip file system is a real one that has no POSIX permissions (unless asked for them).
        URI zip = URI.create("jar:" + dataDir.resolve("no-posix.zip").toUri());
        try (FileSystem noPosix = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path keyFile = LocalApiKey.file(noPosix.getPath("/.local"));

            LocalApiKey key = LocalApiKey.resolve(Map.of(), keyFile);

            assertThat(key.warning()).hasValueSatisfying(warning ->
                    assertThat(warning).contains("no POSIX permissions", "restrict access"));
            assertThat(Files.readString(keyFile).strip()).isEqualTo(key.key());
            assertThat(LocalApiKey.resolve(Map.of(), keyFile).key()).isEqualTo(key.key());
        }
    }
}
