package dev.paymon.benchmark.stack;

import dev.paymon.launcher.ApiKeys;
import dev.paymon.launcher.LocalStack;
import dev.paymon.launcher.Service;
import dev.paymon.launcher.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's own stack, on free ports in a fresh data folder: a Kafka broker, the three service jars and the
 * echo endpoint, each its own JVM with {@link #SERVICE_JVM}, started one at a time so that each start-up time is
 * its own. The publisher admits {@value #MAX_IN_FLIGHT} requests at once (its default, 32, would shed load
 * beyond 32 connections, and the benchmark measures serving, not shedding).
 */
public final class BenchStack implements AutoCloseable {

    /** As the system tests, with a 256 MB heap; but with the C2 compiler, since throughput is what is measured. */
    public static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");
    public static final int MAX_IN_FLIGHT = 256;
    public static final String ECHO = "echo";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackSettings settings;
    private final LocalStack stack;
    private final Path dataDir;
    private final String apiKey = ApiKeys.generate();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final List<Service> started = new ArrayList<>();
    private final Service echo;
    private volatile boolean closed;

    /** @param serviceArguments more arguments by short service name (publisher, processor, subscriber) */
    public BenchStack(Path root, Path dataDir, Database database, Map<String, List<String>> serviceArguments) {
        this.dataDir = dataDir;
        this.settings = StackSettings.defaults(root, dataDir)
                .withPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next())
                .withManagementPorts(FreePorts.next(), FreePorts.next(), FreePorts.next())
                .withApiKey(apiKey)
                .withServiceJvmOptions(SERVICE_JVM)
                .withExtraArguments(Map.of(
                        StackSettings.PUBLISHER, with(List.of("--paymon.publisher.admission.max-in-flight="
                                + MAX_IN_FLIGHT, "--paymon.publisher.admission.max-in-flight-per-key="
                                + MAX_IN_FLIGHT), serviceArguments.get("publisher")),
                        StackSettings.PROCESSOR, with(List.of(), serviceArguments.get("processor")),
                        StackSettings.SUBSCRIBER, with(database.subscriberArguments(),
                                serviceArguments.get("subscriber"))));
        this.stack = new LocalStack(settings);
        services.put(StackSettings.PUBLISHER, stack.publisher());
        services.put(StackSettings.PROCESSOR, stack.processor());
        services.put(StackSettings.SUBSCRIBER, stack.subscriber());
        // Its actuator on the same port as the API: /actuator/health answers there, as the services' does.
        int echoPort = FreePorts.next();
        this.echo = new Service(ECHO, root.resolve("benchmarks").resolve("target").resolve("benchmarks-echo.jar"),
                echoPort, echoPort, SERVICE_JVM, List.of());
    }

    private static List<String> with(List<String> arguments, List<String> more) {
        List<String> all = new ArrayList<>(arguments);
        if (more != null) {
            all.addAll(more);
        }
        return List.copyOf(all);
    }

    /** Starts the broker. */
    public void startBroker() {
        stack.kafka().start();
    }

    public String bootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    public String apiKey() {
        return apiKey;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The publisher, processor or subscriber as it runs now (the processor changes with its guarantee). */
    public Service service(String name) {
        return name.equals(ECHO) ? echo : services.get(name);
    }

    public Map<String, Service> services() {
        return Map.copyOf(services);
    }

    /** Starts a service (or the echo endpoint) and returns the seconds until its health was UP. */
    public double start(String name) {
        Service service = service(name);
        long start;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the stack is stopping: " + name + " is not started");
            }
            start = System.nanoTime();
            service.start(dataDir, logs().resolve(service.name() + ".log"));
            started.add(service);
        }
        awaitHealthy(service);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Stops a service, then starts it again as {@link #start} does. */
    public double restart(String name) {
        service(name).stop(STOP_GRACE);
        return start(name);
    }

    /**
     * Replaces the processor with one given {@code arguments} in addition to its usual ones (and --service-arg's) (e.g. another
     * processing guarantee), on the same ports and state folder, and returns its start-up time.
     */
    public double restartProcessor(List<String> arguments) {
        services.get(StackSettings.PROCESSOR).stop(STOP_GRACE);
        Map<String, List<String>> extra = new HashMap<>(settings.extraArguments());
        extra.put(StackSettings.PROCESSOR, with(settings.extraArguments().get(StackSettings.PROCESSOR), arguments));
        services.put(StackSettings.PROCESSOR, new LocalStack(settings.withExtraArguments(extra)).processor());
        return start(StackSettings.PROCESSOR);
    }

    private Path logs() {
        return dataDir.resolve("logs");
    }

    /** Polls {@code /actuator/health} on the public port every 50 ms until it answers 200. */
    private static void awaitHealthy(Service service) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + service.name() + " started", e);
            }
            if (!service.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + " did not become healthy (" + (service.process()
                        .isAlive() ? "timed out" : "exited") + "); last lines of " + service.process().log() + ":\n"
                        + tail(service.process().log()));
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // the poll interval of the health check
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the echo endpoint and the services (the last started first), then the broker. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Service> stopping = new ArrayList<>(started);
        java.util.Collections.reverse(stopping);
        stopping.forEach(service -> service.stop(STOP_GRACE));
        stack.kafka().stop(STOP_GRACE);
    }
}
