package dev.paymon.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} as Compose reads it before interpolation: YAML anchors and merge keys ({@code <<})
 * resolved, {@code ${VARIABLE}} references left as they are.
 */
final class ComposeFile {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}, not {@code $${...}}. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+][^}]*)?}");

    private final String text;
    private final Map<String, Object> root;

    private ComposeFile(String text, Map<String, Object> root) {
        this.text = text;
        this.root = root;
    }

    /** The repository's {@code docker-compose.yml}. */
    static ComposeFile load() {
        return load(Repository.file("docker-compose.yml"));
    }

    static ComposeFile load(Path file) {
        try {
            String text = Files.readString(file);
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return new ComposeFile(text, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services by name, in file order. */
    Map<String, ComposeService> services() {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Yamls.map(root.get("services")).forEach((name, definition) ->
                services.put(name, new ComposeService(name, Yamls.map(definition))));
        return services;
    }

    ComposeService service(String name) {
        ComposeService service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** Names of the top-level {@code volumes}. */
    Set<String> declaredVolumes() {
        return Yamls.map(root.get("volumes")).keySet();
    }

    /** Variables interpolated as {@code ${NAME}}, without a default: compose takes them from {@code .env}. */
    Set<String> variablesWithoutDefault() {
        return variables(modifier -> modifier == null);
    }

    /**
     * Variables interpolated as {@code ${NAME:?message}} (or {@code ${NAME?message}}): compose refuses to start
     * without them. None may exist: the stack starts with nothing set (secrets-init makes the secrets).
     */
    Set<String> requiredVariables() {
        return variables(modifier -> modifier != null && (modifier.startsWith("?") || modifier.startsWith(":?")));
    }

    /** Every interpolated variable, whatever its modifier. */
    Set<String> variables() {
        return variables(modifier -> true);
    }

    private Set<String> variables(Predicate<String> modifier) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (modifier.test(matcher.group(2))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Services whose image runs in every {@code docker compose up} (no profile). */
    List<ComposeService> servicesWithoutProfile() {
        return services().values().stream().filter(service -> service.profiles().isEmpty()).toList();
    }
}
