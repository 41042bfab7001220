package dev.paymon.launcher;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole pipeline locally without Docker: a real KRaft Kafka broker and the three services
 * as separate processes, data under {@code .local/}. Ctrl-C or SIGTERM stops everything cleanly.
 *
 * <p>Usage, from the repository root: {@code ./run-local.sh [--reset] [--new-key] [--data-dir=DIR] [--brokers=N]}, which builds
 * the jars and runs this class with {@code local-launcher/target/local-launcher.jar} and
 * {@code local-launcher/target/lib/*} on the class path.
 *
 * <p>The services accept one API key with every role ({@link LocalApiKey}); they are given only its hash.
 */
public final class LocalLauncher {

    private static final String USAGE = """
            usage: run-local.sh [--reset] [--new-key] [--data-dir=DIR] [--brokers=1] [--broker-port=9092] [--controller-port=9093]
                                [--publisher-port=8081] [--processor-port=8082] [--subscriber-port=8083]
                                [--publisher-management-port=9081] [--processor-management-port=9082]
                                [--subscriber-management-port=9083]
              --reset      delete broker data, processor state, the local database and logs before starting;
                           the API key file (DIR/api-key) is kept
              --new-key    replace the API key with a new random one (the old one stops working)
              --brokers=N  a KRaft cluster of N broker+controller nodes instead of one broker; node i listens on
                           broker-port + 2(i-1) and controller-port + 2(i-1) (N=3: 9092, 9094, 9096), data in
                           DIR/kafka-i; from 3 nodes on every topic has 3 replicas and min.insync.replicas=2.
                           The stack keeps running when one broker of a cluster dies.
              The API key is $PAYMON_API_KEY when set, else DIR/api-key, else a new key written there (mode 0600).
              DIR is .local by default.
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
        boolean newKey = arguments.contains("--new-key");
        if (arguments.contains("--reset")) {
            DataDirectory.wipe(dataDir, !newKey);
            System.out.println("Deleted the data in " + dataDir + (newKey ? "" : " (API key kept)"));
        }
        LocalApiKey apiKey;
        try {
            if (newKey) {
                DataDirectory.forgetApiKey(dataDir);
            }
            apiKey = LocalApiKey.resolve(System.getenv(), LocalApiKey.file(dataDir));
            if (newKey && apiKey.source() == LocalApiKey.Source.ENVIRONMENT) {
                System.err.println("Warning: --new-key deleted " + apiKey.file() + ", but $"
                        + LocalApiKey.ENVIRONMENT_VARIABLE + " is set and is the key of this run");
            }
        } catch (LauncherException e) {
            System.err.println("Start failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        apiKey.warning().ifPresent(warning -> System.err.println("Warning: " + warning));

        StackSettings defaults = StackSettings.defaults(root, dataDir);
        int brokers = port(arguments, "--brokers=", 1);
        if (brokers < 1) {
            System.err.println("Start failed: --brokers must be at least 1");
            System.exit(1);
            return;
        }
        StackSettings settings = defaults
                .withPorts(
                        port(arguments, "--broker-port=", defaults.brokerPort()),
                        port(arguments, "--controller-port=", defaults.controllerPort()),
                        port(arguments, "--publisher-port=", defaults.publisherPort()),
                        port(arguments, "--processor-port=", defaults.processorPort()),
                        port(arguments, "--subscriber-port=", defaults.subscriberPort()))
                .withManagementPorts(
                        port(arguments, "--publisher-management-port=", defaults.publisherManagementPort()),
                        port(arguments, "--processor-management-port=", defaults.processorManagementPort()),
                        port(arguments, "--subscriber-management-port=", defaults.subscriberManagementPort()))
                .withApiKeyHash(apiKey.hash());
        LocalStack stack = new LocalStack(settings,
                KafkaNodes.consecutive(brokers, settings.brokerPort(), settings.controllerPort()));
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
        System.out.println(Banner.running(stack, apiKey));
        Set<ManagedProcess> lostBrokers = new HashSet<>();
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            for (ManagedProcess process : stack.processes()) {
                if (!process.isAlive() && !stopping.get() && isClusterBroker(stack, process)) {
                    if (lostBrokers.add(process)) {
                        System.err.println(process.name() + " exited; the cluster goes on without it (see "
                                + process.log() + ")");
                    }
                } else if (!process.isAlive() && !stopping.get()) {
                    System.err.println(process.name() + " exited unexpectedly; see " + process.log());
                    System.exit(2);
                }
            }
        }
    }

    /** One broker of several: the cluster tolerates its loss, so the launcher does not stop for it. */
    private static boolean isClusterBroker(LocalStack stack, ManagedProcess process) {
        return stack.kafka().size() > 1
                && stack.kafka().brokers().stream().anyMatch(broker -> broker.process() == process);
    }

    private static int port(List<String> arguments, String prefix, int fallback) {
        return arguments.stream().filter(a -> a.startsWith(prefix))
                .map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst().orElse(fallback);
    }
}
