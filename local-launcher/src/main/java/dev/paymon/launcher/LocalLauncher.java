package dev.paymon.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs the whole pipeline locally without Docker: a real KRaft Kafka broker and the three services
 * as separate processes, data under {@code .local/}. Ctrl-C or SIGTERM stops everything cleanly.
 *
 * <p>Usage, from the repository root: {@code ./run-local.sh [--reset] [--data-dir=DIR]}, which builds
 * the jars and runs this class with {@code local-launcher/target/local-launcher.jar} and
 * {@code local-launcher/target/lib/*} on the class path.
 */
public final class LocalLauncher {

    private static final String USAGE = """
            usage: run-local.sh [--reset] [--data-dir=DIR] [--broker-port=9092] [--controller-port=9093]
                                [--publisher-port=8081] [--processor-port=8082] [--subscriber-port=8083]
              --reset   delete broker data, processor state and the local database before starting
            """;

    private LocalLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        Path root = Path.of(System.getProperty("paymon.root", ".")).toAbsolutePath().normalize();
        Path dataDir = arguments.stream().filter(a -> a.startsWith("--data-dir="))
                .map(a -> Path.of(a.substring("--data-dir=".length())))
                .findFirst().orElse(root.resolve(".local")).toAbsolutePath();
        if (arguments.contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        if (arguments.contains("--reset")) {
            deleteRecursively(dataDir);
            System.out.println("Deleted " + dataDir);
        }

        StackSettings defaults = StackSettings.defaults(root, dataDir);
        LocalStack stack = new LocalStack(defaults.withPorts(
                port(arguments, "--broker-port=", defaults.brokerPort()),
                port(arguments, "--controller-port=", defaults.controllerPort()),
                port(arguments, "--publisher-port=", defaults.publisherPort()),
                port(arguments, "--processor-port=", defaults.processorPort()),
                port(arguments, "--subscriber-port=", defaults.subscriberPort())));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping services and broker...");
            stack.close();
            System.out.println("Stopped. Data kept in " + dataDir + " (use --reset to start empty).");
            stopped.countDown();
        }, "paymon-stop"));

        System.out.println("Starting Kafka broker and services (logs in " + stack.logs() + ") ...");
        try {
            stack.start();
        } catch (LauncherException e) {
            System.err.println("Start failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("""

                paymon is running
                  Kafka broker      %s
                  publisher         %s   (Swagger UI: %s/swagger-ui.html)
                  processor         %s/actuator/health
                  subscriber        %s
                  logs              %s
                Press Ctrl-C to stop.
                %n""", stack.broker().bootstrapServers(), stack.publisher().url(), stack.publisher().url(),
                stack.processor().url(), stack.subscriber().url(), stack.logs());
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            for (ManagedProcess process : stack.processes()) {
                if (!process.isAlive() && !stopping.get()) {
                    System.err.println(process.name() + " exited unexpectedly; see " + process.log());
                    System.exit(2);
                }
            }
        }
    }

    private static int port(List<String> arguments, String prefix, int fallback) {
        return arguments.stream().filter(a -> a.startsWith(prefix))
                .map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst().orElse(fallback);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
