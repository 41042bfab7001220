package dev.paymon.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole pipeline on one machine: one Kafka broker (or a cluster of several, {@link KafkaNodes}) and the
 * three services, each its own JVM. Used by {@link LocalLauncher} and by the system tests, so both run exactly
 * the same thing.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** The label of the stack's API key in the services' logs, metrics and rate limits. */
    static final String API_KEY_NAME = "local";

    private final StackSettings settings;
    private final KafkaCluster kafka;
    private final Service publisher;
    private final Service processor;
    private final Service subscriber;
    private final List<Service> extraProcessors = new ArrayList<>();
    private final List<Service> extraSubscribers = new ArrayList<>();

    /** The local default: one broker on the settings' broker and controller ports. */
    public LocalStack(StackSettings settings) {
        this(settings, KafkaNodes.single(settings.brokerPort(), settings.controllerPort()));
    }

    /**
     * The stack on the Kafka {@code nodes} given (their ports replace the settings' broker and controller ports).
     * With several nodes the services create their topics with the cluster's replication factor.
     */
    public LocalStack(StackSettings settings, KafkaNodes nodes) {
        this.settings = settings;
        this.kafka = new KafkaCluster(nodes, settings.dataDir(), logs(settings), settings.brokerClasspath(),
                settings.brokerJvmOptions());
        String bootstrap = "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers();
        this.publisher = service(StackSettings.PUBLISHER, settings.publisherPort(), settings.publisherManagementPort(),
                List.of(bootstrap));
        this.processor = processorInstance(StackSettings.PROCESSOR, settings.processorPort(),
                settings.processorManagementPort(), "processor-state");
        this.subscriber = service(StackSettings.SUBSCRIBER, settings.subscriberPort(),
                settings.subscriberManagementPort(), List.of(bootstrap, "--paymon.data-dir=" + settings.dataDir()));
    }

    private Service service(String name, int port, int managementPort, List<String> arguments) {
        return service(name, name, port, managementPort, arguments);
    }

    private Service service(String name, String module, int port, int managementPort, List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(apiKeyArguments());
        all.addAll(replicationArguments());
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

    /** A cluster's replication factor for the services' topics; none for a single broker (their default is 1). */
    private List<String> replicationArguments() {
        return kafka.size() == 1 ? List.of() : List.of("--paymon.topics.replication-factor=" + kafka.replicationFactor());
    }

    /** A processor JVM; instances share the application id (and so the partitions) but not local state. */
    private Service processorInstance(String name, int port, int managementPort, String stateDir) {
        return service(name, StackSettings.PROCESSOR, port, managementPort, List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
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
     * Starts one more subscriber instance on the same database and consumer groups, e.g. to scale out while events
     * flow: the groups share the partitions out between the instances. Only on a database several processes can open
     * (PostgreSQL; the local default H2 file is the first instance's alone).
     */
    public Service addSubscriber(int port, int managementPort) {
        int number = extraSubscribers.size() + 2;
        Service instance = service(StackSettings.SUBSCRIBER + "-" + number, StackSettings.SUBSCRIBER, port,
                managementPort, List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--paymon.data-dir=" + settings.dataDir()));
        extraSubscribers.add(instance);
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
            kafka.start();
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

    /** The broker, or node 1 of a cluster. */
    public KafkaBroker broker() {
        return kafka.broker(1);
    }

    /** Every Kafka node, to address the cluster and to kill, stop or restart one broker. */
    public KafkaCluster kafka() {
        return kafka;
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

    /** The running processes: brokers first. */
    public List<ManagedProcess> processes() {
        List<ManagedProcess> processes = new ArrayList<>();
        kafka.brokers().forEach(broker -> processes.add(broker.process()));
        services().forEach(service -> processes.add(service.process()));
        extraProcessors.forEach(service -> processes.add(service.process()));
        extraSubscribers.forEach(service -> processes.add(service.process()));
        return processes;
    }

    public Path logs() {
        return logs(settings);
    }

    private static Path logs(StackSettings settings) {
        return settings.dataDir().resolve("logs");
    }

    /** Stops the services first (so they can finish in-flight work against the broker), then the brokers. */
    @Override
    public void close() {
        List<Service> reversed = new ArrayList<>(services());
        reversed.addAll(extraProcessors);
        reversed.addAll(extraSubscribers);
        Collections.reverse(reversed);
        reversed.forEach(service -> service.stop(STOP_GRACE));
        kafka.stop(STOP_GRACE);
    }
}
