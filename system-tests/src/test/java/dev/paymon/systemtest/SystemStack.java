package dev.paymon.systemtest;

import dev.paymon.launcher.ApiKeys;
import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.StackSettings;
import dev.paymon.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real stack for system tests: the broker and the three service jars as processes on free
 * ports (public and management), the subscriber on a fresh PostgreSQL schema, services capped at a
 * 256 MB heap, accepting one API key.
 */
public final class SystemStack {

    public static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** The key every stack of this test JVM accepts, with every role; {@link Http} sends it. New for each run. */
    public static final String API_KEY = ApiKeys.generate();

    private SystemStack() {
    }

    public static Path root() {
        return Path.of(System.getProperty("paymon.root", "..")).toAbsolutePath().normalize();
    }

    public static Path newDataDir(String name) {
        try {
            Path target = root().resolve("system-tests").resolve("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings on free ports with the subscriber on its own PostgreSQL schema. */
    public static StackSettings settings(Path dataDir, TestPostgres.Database database) {
        return settings(dataDir, database, List.of());
    }

    /** As {@link #settings(Path, TestPostgres.Database)}, with more command-line arguments for the subscriber. */
    public static StackSettings settings(Path dataDir, TestPostgres.Database database, List<String> subscriberArguments) {
        List<String> subscriber = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.flyway.default-schema=" + database.schema()));
        subscriber.addAll(subscriberArguments);
        return StackSettings.defaults(root(), dataDir)
                .withPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next())
                .withManagementPorts(FreePorts.next(), FreePorts.next(), FreePorts.next())
                .withApiKey(API_KEY)
                .withServiceJvmOptions(SERVICE_JVM)
                .withExtraArguments(Map.of(StackSettings.SUBSCRIBER, subscriber));
    }

    public static LocalStack start(String name, TestPostgres.Database database) {
        return new LocalStack(settings(newDataDir(name), database)).start();
    }
}
