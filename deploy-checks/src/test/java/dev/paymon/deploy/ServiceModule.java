package dev.paymon.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A service module of this repository (compose service names are module directory names): its
 * {@code src/main/resources/application.yml} and the configuration properties it declares.
 *
 * @param name the module directory, e.g. {@code publisher-service}
 */
record ServiceModule(String name) {

    /** The services docker-compose.yml builds from this repository. */
    static final List<String> SERVICES = List.of("publisher-service", "processor-service", "subscriber-service");

    private static final Pattern PAYMON_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.paymon</groupId>\\s*<artifactId>([\\w-]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    Path directory() {
        return Repository.file(name);
    }

    /** {@code application.yml} flattened to Spring property keys (all documents of the file). */
    Map<String, Object> applicationYml() {
        Path file = directory().resolve("src/main/resources/application.yml");
        Map<String, Object> flat = new LinkedHashMap<>();
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
                flat.putAll(Yamls.flatten(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flat;
    }

    /** {@code server.port} of application.yml. */
    String serverPort() {
        Object port = applicationYml().get("server.port");
        if (port == null) {
            throw new AssertionError(name + "/src/main/resources/application.yml sets no server.port");
        }
        return String.valueOf(port);
    }

    /**
     * {@code management.server.port} of application.yml (the default of a {@code ${VARIABLE:default}} placeholder):
     * the actuator's own port, for metrics and health details.
     */
    String managementPort() {
        Object port = applicationYml().get("management.server.port");
        if (port == null) {
            throw new AssertionError(name + "/src/main/resources/application.yml sets no management.server.port");
        }
        return String.valueOf(port).replaceFirst("^\\$\\{[^:}]+:([^}]*)}$", "$1");
    }

    /**
     * What an environment variable of this service may bind to: the keys of its application.yml, the
     * {@code @ConfigurationProperties} records of the module and of the paymon modules it depends on (not in test
     * scope), and Spring Boot's properties.
     */
    PropertyCatalog properties(PropertyCatalog boot) {
        PropertyCatalog catalog = new PropertyCatalog().addAll(boot);
        applicationYml().keySet().forEach(catalog::add);
        catalog.addAll(ConfigurationPropertiesSources.scan(directory().resolve("src/main/java")));
        for (String module : paymonDependencies()) {
            catalog.addAll(ConfigurationPropertiesSources.scan(Repository.file(module).resolve("src/main/java")));
        }
        return catalog;
    }

    private List<String> paymonDependencies() {
        try {
            Matcher dependency = PAYMON_DEPENDENCY.matcher(Files.readString(directory().resolve("pom.xml")));
            return dependency.results()
                    .filter(match -> !match.group(2).contains("<scope>test</scope>"))
                    .map(match -> match.group(1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
