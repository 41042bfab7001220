package dev.paymon.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the Spring Boot services, run from its executable jar as a separate JVM and considered
 * ready when {@code /actuator/health} answers 200 (status UP).
 */
public final class Service {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private ManagedProcess process;

    public Service(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts the JVM without waiting; see {@link #awaitReady()}. */
    public void start(Path workDir, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(jar + " not found: build it first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        process = ManagedProcess.start(name, command, workDir, log);
    }

    public void awaitReady() {
        Waits.until(name + " at " + url(), READY_TIMEOUT, process, this::healthy);
    }

    public int stop(Duration grace) {
        return process == null ? 0 : process.stop(grace);
    }

    private boolean healthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for " + name);
        }
    }
}
