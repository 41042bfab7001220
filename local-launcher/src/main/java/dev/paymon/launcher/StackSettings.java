package dev.paymon.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack lives, which ports it uses and which API key the services accept.
 *
 * @param root                     the repository root (service jars are found under it)
 * @param dataDir                  broker data, subscriber database, processor state, logs and the API key file
 * @param publisherManagementPort  the publisher's actuator port ({@code management.server.port}): metrics and details
 * @param apiKeyHash               {@code sha256:<hex>} of the one key the services accept (every role), or null for
 *                                 none, in which case every {@code /api/v1} call is refused
 * @param extraArguments           additional {@code --key=value} arguments per service name
 */
public record StackSettings(
        Path root,
        Path dataDir,
        int brokerPort,
        int controllerPort,
        int publisherPort,
        int processorPort,
        int subscriberPort,
        int publisherManagementPort,
        int processorManagementPort,
        int subscriberManagementPort,
        String apiKeyHash,
        List<String> brokerJvmOptions,
        List<String> serviceJvmOptions,
        Map<String, List<String>> extraArguments) {

    public static final String PUBLISHER = "publisher-service";
    public static final String PROCESSOR = "processor-service";
    public static final String SUBSCRIBER = "subscriber-service";

    /**
     * The documented local defaults: broker 9092, publisher 8081, processor 8082, subscriber 8083, their
     * management ports 9081, 9082, 9083; no API key yet.
     */
    public static StackSettings defaults(Path root, Path dataDir) {
        return new StackSettings(root, dataDir, 9092, 9093, 8081, 8082, 8083, 9081, 9082, 9083, null,
                List.of("-Xms128m", "-Xmx512m"),
                List.of("-Xmx384m", "-XX:+UseSerialGC"),
                Map.of());
    }

    public StackSettings withPorts(int broker, int controller, int publisher, int processor, int subscriber) {
        return new StackSettings(root, dataDir, broker, controller, publisher, processor, subscriber,
                publisherManagementPort, processorManagementPort, subscriberManagementPort, apiKeyHash,
                brokerJvmOptions, serviceJvmOptions, extraArguments);
    }

    public StackSettings withManagementPorts(int publisher, int processor, int subscriber) {
        return new StackSettings(root, dataDir, brokerPort, controllerPort, publisherPort, processorPort, subscriberPort,
                publisher, processor, subscriber, apiKeyHash, brokerJvmOptions, serviceJvmOptions, extraArguments);
    }

    /** The services accept {@code key} (with every role); they are given only its hash. */
    public StackSettings withApiKey(String key) {
        return withApiKeyHash(ApiKeys.hash(key));
    }

    /** The services accept the key whose {@link ApiKeys#hash(String) hash} this is. */
    public StackSettings withApiKeyHash(String hash) {
        return new StackSettings(root, dataDir, brokerPort, controllerPort, publisherPort, processorPort, subscriberPort,
                publisherManagementPort, processorManagementPort, subscriberManagementPort, hash,
                brokerJvmOptions, serviceJvmOptions, extraArguments);
    }

    public StackSettings withServiceJvmOptions(List<String> options) {
        return new StackSettings(root, dataDir, brokerPort, controllerPort, publisherPort, processorPort, subscriberPort,
                publisherManagementPort, processorManagementPort, subscriberManagementPort, apiKeyHash,
                brokerJvmOptions, options, extraArguments);
    }

    public StackSettings withBrokerJvmOptions(List<String> options) {
        return new StackSettings(root, dataDir, brokerPort, controllerPort, publisherPort, processorPort, subscriberPort,
                publisherManagementPort, processorManagementPort, subscriberManagementPort, apiKeyHash,
                options, serviceJvmOptions, extraArguments);
    }

    public StackSettings withExtraArguments(Map<String, List<String>> arguments) {
        return new StackSettings(root, dataDir, brokerPort, controllerPort, publisherPort, processorPort, subscriberPort,
                publisherManagementPort, processorManagementPort, subscriberManagementPort, apiKeyHash,
                brokerJvmOptions, serviceJvmOptions, arguments);
    }

    /** The launcher's own jar and its {@code lib/} folder: everything the broker needs. */
    String brokerClasspath() {
        Path target = root.resolve("local-launcher").resolve("target");
        return target.resolve("local-launcher.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    Path jar(String service) {
        return root.resolve(service).resolve("target").resolve(service + ".jar");
    }

    List<String> extraArguments(String service) {
        return extraArguments.getOrDefault(service, List.of());
    }
}
