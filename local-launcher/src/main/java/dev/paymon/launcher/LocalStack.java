package dev.paymon.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole pipeline on one machine: one Kafka broker and the three services, each its own JVM.
 * Used by {@link LocalLauncher} and by the system tests, so both run exactly the same thing.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** The label of the stack's API key in the services' logs, metrics and rate limits. */
    static final String API_KEY_NAME = "local";

    private final StackSettings settings;
    private final KafkaBroker broker;
    private final Service publisher;
    private final Service processor;
    private final Service subscriber;
    private final List<Service> extraProcessors = new ArrayList<>();

    public LocalStack(StackSettings settings) {
        this.settings = settings;
        this.broker = new KafkaBroker(new KafkaBroker.BrokerSettings(settings.brokerPort(), settings.controllerPort(),
                settings.dataDir().resolve("kafka"), logs(settings), settings.brokerClasspath(), settings.brokerJvmOptions()));
        String kafka = "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers();
        this.publisher = service(StackSettings.PUBLISHER, settings.publisherPort(), settings.publisherManagementPort(),
                List.of(kafka));
        this.processor = processorInstance(StackSettings.PROCESSOR, settings.processorPort(),
                settings.processorManagementPort(), "processor-state");
        this.subscriber = service(StackSettings.SUBSCRIBER, settings.subscriberPort(),
                settings.subscriberManagementPort(), List.of(kafka, "--paymon.data-dir=" + settings.dataDir()));
    }

    private Service service(String name, int port, int managementPort, List<String> arguments) {
        return service(name, name, port, managementPort, arguments);
    }

    private Service service(String name, String module, int port, int managementPort, List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(apiKeyArguments());
        all.addAll(settings.extraArguments(module));
        return new Service(name, settings.jar(module), port, managementPort, settings.serviceJvmOptions(), all);
    }

    /** The one API key every service accepts, as its hash: the key itself never appears on a command line. */
    private List<String> apiKeyArguments() {
        if (settings.apiKeyHash() == null) {
            return List.of();
        }
        String key = "--paymon.security.api-keys[0].";
        return List.of(key + "name=" + API_KEY_NAME, key + "hash=" + settings.apiKeyHash(),
                key + "roles=" + ApiKeys.ALL_ROLES);
    }

    /** A processor JVM; instances share the application id (and so the partitions) but not local state. */
    private Service processorInstance(String name, int port, int managementPort, String stateDir) {
        return service(name, StackSettings.PROCESSOR, port, managementPort, List.of(
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.kafka.streams.state-dir=" + settings.dataDir().resolve(stateDir)));
    }

    /**
     * Starts one more processor instance with the same application id, e.g. to scale out while
     * events flow; Kafka Streams then rebalances the partitions between the instances.
     */
    public Service addProcessor(int port, int managementPort) {
        int number = extraProcessors.size() + 2;
        Service instance = processorInstance(StackSettings.PROCESSOR + "-" + number, port, managementPort,
                "processor-state-" + number);
        extraProcessors.add(instance);
        instance.start(settings.dataDir(), logs().resolve(instance.name() + ".log"));
        instance.awaitReady();
        return instance;
    }

    /**
     * Starts the broker, then the three services side by side, and waits until all are healthy.
     * If any part fails to start, whatever did start is stopped before the exception propagates.
     */
    public LocalStack start() {
        try {
            broker.start();
            List<Service> services = services();
            for (Service service : services) {
                service.start(settings.dataDir(), logs().resolve(service.name() + ".log"));
            }
            for (Service service : services) {
                service.awaitReady();
            }
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public Service publisher() {
        return publisher;
    }

    public Service processor() {
        return processor;
    }

    public Service subscriber() {
        return subscriber;
    }

    public List<Service> services() {
        return List.of(publisher, processor, subscriber);
    }

    /** The running processes: broker first. */
    public List<ManagedProcess> processes() {
        List<ManagedProcess> processes = new ArrayList<>();
        processes.add(broker.process());
        services().forEach(service -> processes.add(service.process()));
        extraProcessors.forEach(service -> processes.add(service.process()));
        return processes;
    }

    public Path logs() {
        return logs(settings);
    }

    private static Path logs(StackSettings settings) {
        return settings.dataDir().resolve("logs");
    }

    /** Stops the services first (so they can finish in-flight work against the broker), then the broker. */
    @Override
    public void close() {
        List<Service> reversed = new ArrayList<>(services());
        reversed.addAll(extraProcessors);
        Collections.reverse(reversed);
        reversed.forEach(service -> service.stop(STOP_GRACE));
        broker.stop(STOP_GRACE);
    }
}
