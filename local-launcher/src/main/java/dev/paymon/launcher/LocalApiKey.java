package dev.paymon.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local run's API key, with every role: the environment variable {@value #ENVIRONMENT_VARIABLE} when set,
 * else the key file ({@code .local/api-key}) when it exists, else a new key written to that file, readable by its
 * owner only. The key is kept across starts so that a shell's {@code export PAYMON_API_KEY=...} stays valid.
 *
 * @param key     the key itself (printed to the user, never passed to the services)
 * @param source  where it came from
 * @param file    the key file (read or written unless the key came from the environment)
 * @param warning what the user should know about the file's protection, if anything
 */
public record LocalApiKey(String key, Source source, Path file, Optional<String> warning) {

    public static final String ENVIRONMENT_VARIABLE = "PAYMON_API_KEY";
    /** The key file's name inside the data directory. */
    public static final String FILE_NAME = "api-key";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** What an HTTP header value can carry without quoting: printable ASCII, no spaces. */
    private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]+");

    /** Where the key came from. */
    public enum Source {
        ENVIRONMENT, FILE, GENERATED
    }

    /** The key file of a data directory. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The services are configured with this hash of the key, never with the key. */
    public String hash() {
        return ApiKeys.hash(key);
    }

    /**
     * Resolves the key as the class comment says.
     *
     * @param environment the process environment ({@link System#getenv()}); a blank value counts as unset
     * @param file        the key file
     */
    public static LocalApiKey resolve(Map<String, String> environment, Path file) {
        String fromEnvironment = environment.getOrDefault(ENVIRONMENT_VARIABLE, "").strip();
        if (!fromEnvironment.isEmpty()) {
            return new LocalApiKey(checked(fromEnvironment, "the environment variable " + ENVIRONMENT_VARIABLE),
                    Source.ENVIRONMENT, file, Optional.empty());
        }
        if (Files.exists(file)) {
            return read(file);
        }
        String key = ApiKeys.generate();
        return new LocalApiKey(key, Source.GENERATED, file, write(file, key));
    }

    private static LocalApiKey read(Path file) {
        try {
            String key = checked(Files.readString(file).strip(), file.toString());
            return new LocalApiKey(key, Source.FILE, file, tooOpen(file));
        } catch (IOException e) {
            throw new LauncherException("cannot read the API key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String key, String origin) {
        if (!USABLE.matcher(key).matches()) {
            throw new LauncherException(origin + " holds no usable API key (printable ASCII without spaces);"
                    + " unset it or delete the file to have a new key made");
        }
        return key;
    }

    /**
     * Writes the key to a temporary file created with mode 0600 (no moment in which another user could open it)
     * and moves it into place atomically, so an interrupted start never leaves a half-written key file.
     * Answers a warning when the file system has no POSIX permissions.
     */
    static Optional<String> write(Path file, String key) {
        Path directory = file.toAbsolutePath().getParent();
        Optional<String> warning = Optional.empty();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            if (hasPosixPermissions(directory)) {
                temporary = Files.createTempFile(directory, FILE_NAME, ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
                warning = Optional.of("the file system of " + directory + " has no POSIX permissions, so " + file
                        + " may be readable by other users of this machine: restrict access to it yourself");
            }
            Files.writeString(temporary, key + System.lineSeparator());
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return warning;
        } catch (IOException e) {
            throw new LauncherException("cannot write the API key file " + file + ": " + e.getMessage(), e);
        } finally {
            deleteLeftover(temporary);
        }
    }

    /** A warning when an existing key file is readable or writable by anyone but its owner. */
    private static Optional<String> tooOpen(Path file) throws IOException {
        if (!hasPosixPermissions(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (OWNER_ONLY.containsAll(permissions)) {
            return Optional.empty();
        }
        return Optional.of(file + " is accessible to other users (" + PosixFilePermissions.toString(permissions)
                + "): chmod 600 " + file);
    }

    private static boolean hasPosixPermissions(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Removes the temporary file when writing or moving it failed (after a successful move it is gone). */
    private static void deleteLeftover(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new LauncherException("cannot delete the temporary key file " + temporary + ": " + e.getMessage(), e);
        }
    }
}
