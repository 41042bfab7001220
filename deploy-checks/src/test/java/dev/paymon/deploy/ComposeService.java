package dev.paymon.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service of {@code docker-compose.yml}, with the short and long syntaxes Compose accepts (environment as a
 * list or a mapping, ports and volumes as strings or mappings, {@code depends_on} as a list or a mapping) read
 * into one form.
 *
 * @param name       the service name
 * @param definition its YAML mapping, merge keys resolved
 */
record ComposeService(String name, Map<String, Object> definition) {

    private static final Pattern LOCALHOST_PORT = Pattern.compile("//localhost:(\\d+)/");

    /** A published or exposed port: {@code published} is null when no host port is bound. */
    /** {@code ${NAME_IMAGE:-default}}: an image that a variable can replace (stand-ins), the official one by default. */
    private static final Pattern IMAGE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+_IMAGE):-([^}]+)}");

    record Port(String host, String published, String target) {

        /** A port published on every host address (no {@code host}), or only exposed (no {@code published}). */
        Port(String published, String target) {
            this(null, published, target);
        }
    }

    /**
     * A mount: {@code source} is a path (bind mount), a volume name, or null for an anonymous volume.
     */
    record Mount(String type, String source, String target) {

        boolean isBind() {
            return "bind".equals(type);
        }
    }

    /**
     * The image users get: the default of an image variable ({@code ${KAFKA_IMAGE:-apache/kafka:4.1.2}} gives
     * {@code apache/kafka:4.1.2}), or the image as written.
     */
    String image() {
        String image = imageAsWritten();
        if (image == null) {
            return null;
        }
        Matcher variable = IMAGE_VARIABLE.matcher(image);
        return variable.matches() ? variable.group(2) : image;
    }

    /** The {@code image} line as written, e.g. {@code ${KAFKA_IMAGE:-apache/kafka:4.1.2}}. */
    String imageAsWritten() {
        return Yamls.string(definition.get("image"));
    }

    /** The variable that selects the image ({@code KAFKA_IMAGE}), if it is written as one. */
    java.util.Optional<String> imageVariable() {
        String image = imageAsWritten();
        Matcher variable = image == null ? null : IMAGE_VARIABLE.matcher(image);
        return variable != null && variable.matches() ? java.util.Optional.of(variable.group(1)) : java.util.Optional.empty();
    }

    Map<String, Object> build() {
        Object build = definition.get("build");
        return build instanceof String context ? Map.of("context", context) : Yamls.map(build);
    }

    Map<String, String> buildArgs() {
        Object args = build().get("args");
        return args instanceof List<?> ? keyValues(args) : stringValues(Yamls.map(args));
    }

    String containerName() {
        return Yamls.string(definition.get("container_name"));
    }

    String restart() {
        return Yamls.string(definition.get("restart"));
    }

    /** The command as a list (a string command is one element). */
    List<String> command() {
        Object command = definition.get("command");
        if (command == null) {
            return List.of();
        }
        return command instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(command.toString());
    }

    List<String> profiles() {
        return Yamls.list(definition.get("profiles")).stream().map(String::valueOf).toList();
    }

    Map<String, String> environment() {
        Object environment = definition.get("environment");
        return environment instanceof List<?> ? keyValues(environment) : stringValues(Yamls.map(environment));
    }

    Map<String, Object> healthcheck() {
        return Yamls.map(definition.get("healthcheck"));
    }

    /** The health check's command as one string (empty when there is none). */
    String healthcheckCommand() {
        Object test = healthcheck().get("test");
        if (test instanceof List<?> words) {
            return String.join(" ", words.stream().map(String::valueOf).toList());
        }
        return test == null ? "" : String.valueOf(test);
    }

    /** The port of the {@code http://localhost:<port>/} URL the health check calls, or null. */
    String healthcheckPort() {
        Matcher matcher = LOCALHOST_PORT.matcher(healthcheckCommand());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** {@code depends_on}: service name → condition (null for the short list form, which waits for nothing). */
    Map<String, String> dependsOn() {
        Object dependsOn = definition.get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> conditions.put(String.valueOf(name), null));
        } else {
            Yamls.map(dependsOn).forEach((name, spec) ->
                    conditions.put(name, Yamls.string(Yamls.map(spec).get("condition"))));
        }
        return conditions;
    }

    List<Port> ports() {
        List<Port> ports = new ArrayList<>();
        for (Object port : Yamls.list(definition.get("ports"))) {
            if (port instanceof Map<?, ?> map) {
                ports.add(new Port(Yamls.string(map.get("host_ip")), Yamls.string(map.get("published")),
                        stripProtocol(Yamls.string(map.get("target")))));
            } else {
                ports.add(shortPort(stripProtocol(String.valueOf(port))));
            }
        }
        return ports;
    }

    /** {@code [host:][published:]target}; the host may be a variable such as {@code ${PUBLISH_ADDRESS:-127.0.0.1}}. */
    private static Port shortPort(String spec) {
        String host = null;
        String rest = spec;
        if (spec.startsWith("${")) {
            int end = spec.indexOf('}');
            host = spec.substring(0, end + 1);
            rest = spec.substring(Math.min(end + 2, spec.length()));
        }
        String[] parts = rest.split(":", -1);
        if (parts.length == 3 && host == null) {
            return new Port(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2]);
        }
        return switch (parts.length) {
            case 1 -> new Port(host, null, parts[0]);
            case 2 -> new Port(host, parts[0].isEmpty() ? null : parts[0], parts[1]);
            default -> throw new IllegalArgumentException("not a port: " + spec);
        };
    }

    List<String> expose() {
        return Yamls.list(definition.get("expose")).stream().map(port -> stripProtocol(String.valueOf(port))).toList();
    }

    List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        for (Object volume : Yamls.list(definition.get("volumes"))) {
            if (volume instanceof Map<?, ?> map) {
                mounts.add(new Mount(Yamls.string(map.get("type")), Yamls.string(map.get("source")),
                        Yamls.string(map.get("target"))));
            } else {
                String[] parts = String.valueOf(volume).split(":");
                if (parts.length == 1) {
                    mounts.add(new Mount("volume", null, parts[0]));
                } else {
                    boolean path = parts[0].startsWith(".") || parts[0].startsWith("/") || parts[0].startsWith("~");
                    mounts.add(new Mount(path ? "bind" : "volume", parts[0], parts[1]));
                }
            }
        }
        return mounts;
    }

    private static String stripProtocol(String port) {
        return port == null ? null : port.replaceFirst("/(tcp|udp)$", "");
    }

    private static Map<String, String> keyValues(Object list) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Object entry : Yamls.list(list)) {
            String text = String.valueOf(entry);
            int equals = text.indexOf('=');
            values.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
        }
        return values;
    }

    private static Map<String, String> stringValues(Map<String, Object> map) {
        Map<String, String> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(key, Yamls.string(value)));
        return values;
    }
}
