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
 * ready when {@code /actuator/health} on its public port answers 200 (status UP). Metrics and the
 * other actuator endpoints are on its management port.
 */
public final class Service {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private ManagedProcess process;

    public Service(String name, Path jar, int port, int managementPort, List<String> jvmOptions,
                   List<String> arguments) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The public port: the API, Swagger UI, and health and info without details. */
    public String url() {
        return "http://localhost:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The management port ({@code management.server.port}): every actuator endpoint, health with details. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** Where Prometheus scrapes this service. */
    public String metricsUrl() {
        return managementUrl() + "/actuator/prometheus";
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts the JVM without waiting; see {@link #awaitReady()}. */
    public void start(Path workDir, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(jar + " not found: build it first (./mvnw package -DskipTests)");
        }
        process = ManagedProcess.start(name, command(), workDir, log);
    }

    /** The command line of the JVM: ports first, then the arguments it was given. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        command.addAll(arguments);
        return command;
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
